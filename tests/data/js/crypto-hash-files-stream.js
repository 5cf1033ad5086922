const fs = require('fs');
const crypto = require('crypto');
const path = require('path');
const os = require('os');
const { pipeline } = require('stream/promises');
async function sha256(file) {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file, { highWaterMark: 1000 }), hash);
  return hash.digest('hex');
}
async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hash-'));
  const files = { 'a.txt': 'hello\n', 'b.bin': Buffer.alloc(5000, 0xab), 'c.txt': 'hello\n', 'empty': '' };
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), data);
  const byHash = new Map();
  for (const name of fs.readdirSync(dir).sort()) {
    const h = await sha256(path.join(dir, name));
    if (!byHash.has(h)) byHash.set(h, []);
    byHash.get(h).push(name);
    console.log(name.padEnd(8), h.slice(0, 16), fs.statSync(path.join(dir, name)).size);
  }
  console.log('duplicates', [...byHash.values()].filter((v) => v.length > 1));
  const h = crypto.createHash('md5');
  fs.createReadStream(path.join(dir, 'b.bin')).on('data', (d) => h.update(d)).on('end', () => {
    console.log('md5 via events', h.digest('base64'));
    const hm = crypto.createHmac('sha1', 'k');
    hm.setEncoding('hex');
    hm.on('readable', () => { const d = hm.read(); if (d) console.log('hmac stream', d); });
    hm.write('abc');
    hm.end();
    hm.on('end', () => fs.rmSync(dir, { recursive: true }));
  });
}
main();
