// crypto.hash (one-shot digests) and randomFill/randomFillSync into part of a buffer.
const c = require('crypto');
console.log(c.hash('sha1', 'abc'), c.hash('md5', Buffer.from('abc'), 'base64'), c.hash('sha256', 'x', 'buffer').length);
try { c.hash('sha1', 5); } catch (e) { console.log(e.code, e.message); }
const b = Buffer.alloc(8);
console.log(c.randomFillSync(b, 2, 3) === b, b.subarray(0, 2), b.subarray(5));
try { c.randomFillSync(b, 9); } catch (e) { console.log(e.code, e.message); }
try { c.randomFillSync(b, 2, 9); } catch (e) { console.log(e.code, e.message); }
const u = new Uint32Array(4);
c.randomFill(u, (err, filled) => {
  console.log('async', err, filled === u, filled.length);
  c.randomFill(Buffer.alloc(10), 5, (error, buf) => console.log('async offset', buf.subarray(0, 5)));
});
