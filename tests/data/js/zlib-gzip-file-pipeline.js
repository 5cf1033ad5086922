const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const os = require('os');
const { pipeline } = require('stream/promises');
const { Transform } = require('stream');
async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-'));
  const src = path.join(dir, 'log.txt');
  const lines = Array.from({ length: 500 }, (_, i) => `${i} level=${i % 3 === 0 ? 'warn' : 'info'} msg="event ${i}"`);
  fs.writeFileSync(src, lines.join('\n') + '\n');
  await pipeline(fs.createReadStream(src, { highWaterMark: 1024 }), zlib.createGzip(), fs.createWriteStream(src + '.gz'));
  const gzSize = fs.statSync(src + '.gz').size;
  console.log('compressed smaller', gzSize < fs.statSync(src).size);
  let warnings = 0;
  let carry = '';
  await pipeline(
    fs.createReadStream(src + '.gz'),
    zlib.createGunzip(),
    new Transform({
      transform(chunk, enc, cb) {
        const text = carry + chunk.toString();
        const parts = text.split('\n');
        carry = parts.pop();
        for (const line of parts) if (line.includes('level=warn')) warnings++;
        cb();
      },
    }).resume()
  );
  console.log('warnings', warnings);
  const appended = fs.createWriteStream(src, { flags: 'a' });
  appended.write('extra line 1\n');
  appended.end('extra line 2\n');
  await new Promise((r) => appended.on('finish', r));
  const all = fs.readFileSync(src, 'utf8').trimEnd().split('\n');
  console.log(all.length, all.at(-1));
  try {
    await pipeline(fs.createReadStream(path.join(dir, 'missing.gz')), zlib.createGunzip(), fs.createWriteStream(path.join(dir, 'out')));
  } catch (e) {
    console.log('pipeline error', e.code, e.message.replaceAll(dir, 'DIR'));
  }
  try {
    await pipeline(fs.createReadStream(src), zlib.createGunzip(), fs.createWriteStream(path.join(dir, 'out2')));
  } catch (e) {
    console.log('gunzip error', e.code, e.errno, e.message);
  }
  fs.rmSync(dir, { recursive: true });
}
main();
