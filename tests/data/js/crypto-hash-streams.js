// A Hash and an Hmac used as streams: piped into, written to, in a pipeline, read back.
const crypto = require('crypto');
const fs = require('fs');
const { pipeline, Readable } = require('stream');
const h = crypto.createHash('sha256');
console.log(typeof h.pipe, typeof h.write, h instanceof require('stream').Transform);
Readable.from(['abc', 'def']).pipe(h).setEncoding('hex').on('data', (d) => console.log('piped digest', d));
fs.createReadStream(__filename).pipe(crypto.createHash('md5')).on('readable', function () {
  const d = this.read();
  if (d) console.log('file md5 length', d.length);
});
const hm = crypto.createHmac('sha1', 'key');
hm.write('stream ');
hm.end('data');
hm.on('data', (d) => console.log('hmac', d.toString('hex')));
pipeline(Readable.from(['x']), crypto.createHash('sha1'), async function* (source) { for await (const c of source) console.log('pipeline', c.toString('hex')); }, () => {});
console.log(crypto.createHash('sha1').update('abc').digest('hex'));
