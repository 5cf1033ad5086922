// Three chunks through a gzip stream: each chunk, and the finish, is one job on the pool.
const zlib = require('zlib');
const gzip = zlib.createGzip();
const out = [];
gzip.on('data', (chunk) => out.push(chunk));
gzip.on('end', () => console.log(zlib.gunzipSync(Buffer.concat(out)).toString()));
gzip.write('one ');
gzip.write('two ');
gzip.end('three');
