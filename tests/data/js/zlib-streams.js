// zlib's streams in a pipeline: a file gzipped through fs streams and back, raw deflate, unzip of
// two gzip members, and the errors a stream emits for data that is not compressed or is cut short.
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const os = require('os');
const { pipeline } = require('stream');
const { pipeline: pipe } = require('stream/promises');

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-'));
const source = path.join(folder, 'input.txt');
const text = Array.from({ length: 5000 }, (_, i) => `line ${i}: the quick brown fox jumps over the lazy dog`).join('\n');
fs.writeFileSync(source, text);

pipeline(fs.createReadStream(source), zlib.createGzip(), fs.createWriteStream(source + '.gz'), async (error) => {
  console.log('gzip done', error ?? 'ok');
  const gz = fs.readFileSync(source + '.gz');
  console.log('magic', gz[0].toString(16), gz[1].toString(16), 'smaller', gz.length < text.length);
  console.log('gunzipSync matches', zlib.gunzipSync(gz).toString() === text);
  await pipe(fs.createReadStream(source + '.gz'), zlib.createGunzip(), fs.createWriteStream(source + '.back'));
  console.log('round trip', fs.readFileSync(source + '.back', 'utf8') === text);

  const inflater = zlib.createInflate();
  inflater.on('error', (e) => console.log('error event', e.code, e.errno, e.message));
  inflater.end(Buffer.from('not zlib data'));

  const chunks = [];
  const deflater = zlib.createDeflateRaw({ level: 9 });
  deflater.on('data', (c) => chunks.push(c));
  deflater.on('end', () => {
    const raw = Buffer.concat(chunks);
    console.log('raw round trip', zlib.inflateRawSync(raw).toString());
    const truncated = zlib.gzipSync('hello world hello world').subarray(0, 10);
    const g = zlib.createGunzip();
    g.on('error', (e) => console.log('truncated:', e.code, e.message));
    g.on('data', () => {});
    g.end(truncated);
  });
  deflater.write('hello ');
  deflater.end('raw deflate');

  const unzip = zlib.createUnzip();
  let out = '';
  unzip.on('data', (c) => (out += c));
  unzip.on('end', () => {
    console.log('unzip two members:', out);
    fs.rmSync(folder, { recursive: true });
  });
  unzip.end(Buffer.concat([zlib.gzipSync('first '), zlib.gzipSync('second')]));
  console.log(typeof zlib.Gzip, zlib.createGzip() instanceof zlib.Gzip, zlib.constants.Z_FINISH, zlib.Z_SYNC_FLUSH);
});
