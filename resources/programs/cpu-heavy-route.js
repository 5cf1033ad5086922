// A CPU loop in a request handler: while /calculate runs, the other users wait, because
// the handler never gives the main thread back to the loop. (The first user of the load
// asks for the calculation; the load client asks for / only.)
const http = require('http');

function calculate() {
  let total = 0;
  for (let i = 0; i < 60_000_000; i++)
    total += i % 7;
  return total;
}

let served = 0;
const server = http.createServer((request, response) => {
  if (request.url === '/calculate' || ++served === 1) {
    response.end(`${calculate()}\n`);
  } else {
    response.end('hello\n');
  }
});

server.listen(0, () => console.log('server ready'));
