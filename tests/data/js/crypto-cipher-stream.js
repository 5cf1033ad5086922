const crypto = require('crypto');
const { pipeline, Readable, Writable } = require('stream');
const key = crypto.createHash('sha256').update('passphrase').digest();
const iv = Buffer.alloc(16, 9);
const plain = 'stream me through aes-256-cbc, please. '.repeat(30);
const encrypted = [];
pipeline(
  Readable.from([plain.slice(0, 100), plain.slice(100, 700), plain.slice(700)]),
  crypto.createCipheriv('aes-256-cbc', key, iv),
  new Writable({ write(c, e, cb) { encrypted.push(c); cb(); } }),
  (err) => {
    const ct = Buffer.concat(encrypted);
    console.log('encrypted', err, ct.length, ct.length % 16, ct.subarray(0, 8).toString('hex'));
    const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv);
    let out = '';
    decipher.setEncoding('utf8');
    decipher.on('data', (d) => (out += d));
    decipher.on('end', () => {
      console.log('round trip', out === plain);
      const wrong = crypto.createDecipheriv('aes-256-cbc', Buffer.alloc(32), iv);
      wrong.on('error', (e) => console.log('wrong key:', e.code, e.reason, e.library));
      wrong.on('data', () => {});
      wrong.end(ct);
    });
    decipher.write(ct.subarray(0, 50));
    decipher.end(ct.subarray(50));
  }
);
