const { Readable, Writable, Transform, Duplex, PassThrough } = require('stream');
class Counter extends Readable {
  constructor(max) { super({ objectMode: true, highWaterMark: 2 }); this.i = 0; this.max = max; }
  _read() {
    this.i++;
    console.log('  _read', this.i);
    if (this.i > this.max) this.push(null);
    else this.push({ n: this.i });
  }
}
const slow = new Writable({
  objectMode: true,
  highWaterMark: 1,
  write(obj, enc, cb) { console.log('  write', obj.n); setImmediate(cb); },
});
const double = new Transform({
  objectMode: true,
  transform(obj, enc, cb) { this.push({ n: obj.n * 2 }); cb(); },
  flush(cb) { console.log('  flush'); this.push({ n: -1 }); cb(); },
});
const c = new Counter(4);
c.pipe(double).pipe(slow).on('finish', () => {
  console.log('finish');
  const pt = new PassThrough();
  pt.end('passthrough data');
  pt.on('data', (d) => console.log('pt', d.toString()));
  const r = Readable.from([1, 2, 3]);
  console.log(r.readableObjectMode, r.readableHighWaterMark, slow.writableObjectMode);
  r.toArray().then((a) => console.log('toArray', a));
  Readable.from(['a', 'b', 'c']).map((x) => x.toUpperCase()).filter((x) => x !== 'B').toArray().then((a) => console.log('map/filter', a));
});
