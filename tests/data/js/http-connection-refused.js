const http = require('http');
const server = http.createServer();
server.listen(0, () => {
  const { port } = server.address();
  server.close(() => {
    http.get(`http://127.0.0.1:${port}/`, () => console.log('never'))
      .on('error', (err) => console.log('error', err.code, err.message.startsWith('connect ECONNREFUSED 127.0.0.1:')));
  });
});
