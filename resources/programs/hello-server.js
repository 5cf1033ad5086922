// A real HTTP server on 127.0.0.1:3000. Ask it with curl, a browser or
//   loopscope run hello-server.js --load 5@100ms/10ms --horizon 2s --print-log
const http = require('http');

const server = http.createServer((request, response) => {
  console.log(`${request.method} ${request.url}`);
  response.setHeader('Content-Type', 'text/plain');
  response.end('hello from the event loop\n');
});

server.listen(3000, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
