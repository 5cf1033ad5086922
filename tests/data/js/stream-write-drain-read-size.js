const { Writable, Readable } = require('stream');
const events = [];
const w = new Writable({
  highWaterMark: 10,
  write(chunk, enc, cb) { events.push('write ' + chunk.length); setTimeout(cb, 1); },
});
let i = 0;
function produce() {
  while (i < 6) {
    i++;
    const ok = w.write(Buffer.alloc(4, i));
    events.push(`produce ${i} ok=${ok} len=${w.writableLength}`);
    if (!ok) { w.once('drain', () => { events.push('drain'); produce(); }); return; }
  }
  w.end();
}
w.on('finish', () => { events.push('finish'); console.log(events.join('\n')); second(); });
produce();
function second() {
  const r = new Readable({ read() {} , highWaterMark: 8 });
  console.log('push', r.push('abcd'), r.push('efgh'), r.push('ij'), r.readableLength);
  r.on('readable', function () {
    let c;
    while ((c = this.read(3)) !== null) console.log('read3', c.toString());
  });
  r.on('end', () => console.log('end'));
  setTimeout(() => r.push(null), 5);
}
