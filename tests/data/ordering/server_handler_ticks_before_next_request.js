const http = require('http');

// `server` + `load`: a real HTTP server; the load is a real client in the same process
// that sends one request at each time (ms after the server listens) and closes the
// server once every answer has arrived. Only the handler prints.
let request = 0;
const server = http.createServer((req, res) => {
  const n = ++request;
  console.log(`request ${n} start`);
  process.nextTick(() => {
    console.log(`request ${n} tick`);
  });
  Promise.resolve().then(() => {
    console.log(`request ${n} promise`);
  });
  setImmediate(() => {
    console.log(`request ${n} immediate`);
    res.end();
  });
  const end = Date.now() + 300;
  while (Date.now() < end);
});

function load(times) {
  const port = server.address().port;
  let answered = 0;
  for (const at of times) {
    setTimeout(() => {
      http.get({ host: '127.0.0.1', port, agent: false }, (res) => {
        res.resume();
        res.on('end', () => {
          if (++answered === times.length)
            server.close();
        });
      });
    }, at);
  }
}

console.log('server starting');
server.listen(0, '127.0.0.1', () => load([0, 100]));
