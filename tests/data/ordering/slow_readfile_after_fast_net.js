const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const net = require('net');

// The loopback peer: answers each request after the number of milliseconds it names.
const peer = net.createServer((socket) => {
  socket.once('data', (data) => {
    setTimeout(() => socket.end('ok'), Number(data));
  });
});

// `net: {to, takes, then}`: a request on a real loopback socket; `then` runs when the
// answer arrives.
function request(takesMs, then) {
  const socket = net.connect(peer.address().port, '127.0.0.1', () => {
    socket.write(String(takesMs));
  });
  socket.once('data', () => {
    socket.destroy();
    then();
  });
}

// `fs.readFile: {takes}` for a slow disk: a real fs.readFile of a FIFO whose writer
// (a timer) delivers the small contents after `takes`.
function readFileTaking(takesMs, then) {
  const fifo = path.join(os.tmpdir(), `loopscope-ordering-${process.pid}.fifo`);
  execFileSync('mkfifo', [fifo]);
  fs.readFile(fifo, () => then());
  setTimeout(() => {
    fs.writeFileSync(fifo, 'contents');
    fs.unlinkSync(fifo);
  }, takesMs);
}

function main() {
  readFileTaking(80, () => {
    console.log('file read');
  });
  request(10, () => {
    console.log('cache answered');
  });
}

// The peer listens first. Its 'listening' callback is a nextTick that Node runs right
// after this script, before the event loop's first iteration: main starts from there.
peer.listen(0, '127.0.0.1', main);
peer.unref();
