const zlib = require('zlib');
const input = 'loopscope '.repeat(100);
const gz = zlib.gzipSync(input);
console.log(zlib.gunzipSync(gz).toString() === input, gz[0], gz[1]);
const deflated = zlib.deflateSync(input);
console.log(zlib.inflateSync(deflated).toString().length, zlib.unzipSync(deflated).length);
zlib.gzip(input, (err, compressed) => {
  zlib.gunzip(compressed, (e, back) => console.log('async roundtrip', back.toString() === input));
});
try { zlib.gunzipSync(Buffer.from('not gzip')); } catch (e) { console.log(e.code, e.message); }
