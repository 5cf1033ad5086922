const { Readable, Transform, Writable, pipeline } = require('stream');
const { StringDecoder } = require('string_decoder');
class LineSplitter extends Transform {
  constructor() { super({ readableObjectMode: true }); this.rest = ''; this.decoder = new StringDecoder('utf8'); }
  _transform(chunk, enc, cb) {
    const lines = (this.rest + this.decoder.write(chunk)).split('\n');
    this.rest = lines.pop();
    for (const l of lines) if (l) this.push(l);
    cb();
  }
  _flush(cb) { const last = this.rest + this.decoder.end(); if (last) this.push(last); cb(); }
}
class CsvParser extends Transform {
  constructor() { super({ objectMode: true }); this.header = null; }
  _transform(line, enc, cb) {
    const cells = line.split(',');
    if (!this.header) { this.header = cells; return cb(); }
    cb(null, Object.fromEntries(this.header.map((h, i) => [h, isNaN(cells[i]) ? cells[i] : Number(cells[i])])));
  }
}
const csv = 'city,pop,area\nZürich,421878,87.88\nGenève,203856,15.93\nBasel,173863,23.91\n';
const bytes = Buffer.from(csv);
const pieces = [];
for (let i = 0; i < bytes.length; i += 7) pieces.push(bytes.subarray(i, i + 7));
const rows = [];
pipeline(Readable.from(pieces), new LineSplitter(), new CsvParser(), new Writable({ objectMode: true, write(row, e, cb) { rows.push(row); cb(); } }), (err) => {
  console.log(err, rows);
  const dens = rows.map((r) => [r.city, Math.round(r.pop / r.area)]).sort((a, b) => b[1] - a[1]);
  console.table(dens);
  const total = rows.reduce((s, r) => s + r.pop, 0);
  console.log(total.toLocaleString('en-US'));
});
