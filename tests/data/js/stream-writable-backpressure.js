// A Writable with a small highWaterMark: write() returns false past it, 'drain' comes
// once the queue empties, cork()/uncork() hands the queued chunks to _writev at once,
// and 'finish' / the end() callback / 'close' come in Node's order.
const { Writable } = require('stream');

const log = [];
const sink = new Writable({
  highWaterMark: 8,
  write(chunk, encoding, callback) {
    log.push(`write ${chunk} (${encoding})`);
    setImmediate(callback);
  },
  final(callback) {
    console.log('final');
    callback();
  },
});
sink.on('drain', () => console.log('drain; writableLength', sink.writableLength));
sink.on('finish', () => console.log('finish'));
sink.on('close', () => {
  console.log('close');
  console.log(log.join('\n'));
  batched();
});

console.log('write 1 ->', sink.write('abc'));
console.log('write 2 ->', sink.write('defgh'), 'writableLength', sink.writableLength,
            'needDrain', sink.writableNeedDrain);
console.log('write 3 ->', sink.write('ij'));
sink.end('k', () => console.log('end callback'));
console.log('writableEnded', sink.writableEnded, 'writableFinished', sink.writableFinished);
process.nextTick(() => console.log('tick after end'));

function batched() {
  console.log('---');
  const batches = [];
  const corked = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      batches.push(`single ${chunk}`);
      process.nextTick(callback);
    },
    writev(chunks, callback) {
      batches.push(`writev ${chunks.map(({ chunk }) => chunk).join('+')}`);
      process.nextTick(callback);
    },
  });
  corked.write('first');
  corked.cork();
  corked.write('x');
  corked.write('y');
  corked.write('z');
  console.log('corked', corked.writableCorked, 'buffered', corked.writableLength);
  process.nextTick(() => corked.uncork());
  corked.end('last');
  corked.on('finish', () => console.log(batches.join('\n')));
}
