// The "hello" HTTP server of the start-up comparison: the same file runs under node and
// under loopscope, and the same load client drives both. It prints its port first.
const http = require('http');

const server = http.createServer((request, response) => {
  response.setHeader('Content-Type', 'text/plain');
  response.end('hello\n');
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
