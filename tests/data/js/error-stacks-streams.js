// The frames below a stream's and an http server's or client's listeners, as Node 20 prints
// them: Node's stream functions (read, flow, resume_, addChunk, endReadableNT) and its HTTP
// parser's callbacks.
const { Readable } = require('stream');
const http = require('http');
const show = (error) => console.log(error.stack.replaceAll(__dirname, '.'));

const readable = Readable.from(['chunk']);
readable.on('data', function onData() { show(new Error('data')); });
readable.on('end', function onEnd() {
  show(new Error('end'));
  const server = http.createServer(function handle(request, response) {
    show(new Error('request'));
    response.end('ok');
  });
  server.listen(0, () => {
    http.get({ port: server.address().port }, function onResponse(response) {
      show(new Error('response'));
      response.on('data', function onBody() { show(new Error('body')); });
      response.on('end', function onBodyEnd() {
        show(new Error('body end'));
        server.close();
      });
    });
  });
});
