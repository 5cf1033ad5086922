// crypto.createCipheriv / createDecipheriv: AES in CBC, CTR, ECB and GCM (with AAD and the
// auth tag), ChaCha20-Poly1305, output encodings (a multi-byte character split across
// update calls stays whole), padding, streams, and the errors Node gives.
const crypto = require('crypto');
const { pipeline, Readable, Writable } = require('stream');

const key = crypto.scryptSync('correct horse battery staple', 'salt', 32);
const iv = Buffer.alloc(16, 7);
const message = 'Meet me at the café at 10:00 ☕ — bring the plans.';

function roundTrip(algorithm, keyBytes, ivBytes) {
  const cipher = crypto.createCipheriv(algorithm, keyBytes, ivBytes);
  const encrypted = cipher.update(message, 'utf8', 'hex') + cipher.final('hex');
  const decipher = crypto.createDecipheriv(algorithm, keyBytes, ivBytes);
  const decrypted = decipher.update(encrypted, 'hex', 'utf8') + decipher.final('utf8');
  console.log(algorithm, encrypted.length, encrypted.slice(0, 32), decrypted === message);
}
roundTrip('aes-256-cbc', key, iv);
roundTrip('aes-256-ctr', key, iv);
roundTrip('aes-128-cbc', key.subarray(0, 16), iv);
roundTrip('aes-256-ecb', key, null);

// GCM with additional data and the tag; a changed tag is refused.
const nonce = Buffer.alloc(12, 3);
const gcm = crypto.createCipheriv('aes-256-gcm', key, nonce);
gcm.setAAD(Buffer.from('header'));
const sealed = Buffer.concat([gcm.update(message, 'utf8'), gcm.final()]);
const tag = gcm.getAuthTag();
console.log('gcm', sealed.toString('base64'), tag.toString('hex'));
const open = crypto.createDecipheriv('aes-256-gcm', key, nonce);
open.setAAD(Buffer.from('header'));
open.setAuthTag(tag);
console.log('gcm opened:', Buffer.concat([open.update(sealed), open.final()]).toString() === message);
const forged = crypto.createDecipheriv('aes-256-gcm', key, nonce);
forged.setAAD(Buffer.from('header'));
forged.setAuthTag(Buffer.alloc(16));
forged.update(sealed);
try {
  forged.final();
} catch (error) {
  console.log('forged:', error.message);
}

const chacha = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
const chachaSealed = Buffer.concat([chacha.update('short secret'), chacha.final()]);
console.log('chacha20-poly1305', chachaSealed.toString('hex'), chacha.getAuthTag().toString('hex'));

// A character cut between two update() calls comes out whole.
const euro = crypto.createCipheriv('aes-256-ctr', key, iv);
const secret = euro.update('€€€');
const reading = crypto.createDecipheriv('aes-256-ctr', key, iv);
console.log(JSON.stringify(reading.update(secret.subarray(0, 4), undefined, 'utf8')),
            JSON.stringify(reading.update(secret.subarray(4), undefined, 'utf8')), JSON.stringify(reading.final('utf8')));

const unpadded = crypto.createCipheriv('aes-256-cbc', key, iv);
unpadded.setAutoPadding(false);
console.log('no padding, 32 bytes:', Buffer.concat([unpadded.update(Buffer.alloc(32, 1)), unpadded.final()]).length);

for (const [label, make] of [
  ['unknown cipher', () => crypto.createCipheriv('aes-512-cbc', key, iv)],
  ['short key', () => crypto.createCipheriv('aes-256-cbc', Buffer.alloc(5), iv)],
  ['short iv', () => crypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(3))],
  ['bad decrypt', () => { const d = crypto.createDecipheriv('aes-256-cbc', key, iv); d.update(Buffer.alloc(16)); d.final(); }],
  ['final twice', () => { const c = crypto.createCipheriv('aes-256-cbc', key, iv); c.final(); c.final(); }],
  ['update after final', () => { const c = crypto.createCipheriv('aes-256-cbc', key, iv); c.final(); c.update('x'); }],
  ['tag before final', () => crypto.createCipheriv('aes-256-gcm', key, nonce).getAuthTag()],
]) {
  try {
    make();
    console.log(label, 'no error');
  } catch (error) {
    console.log(label, '->', error.name, error.code, error.message, error.reason ?? '');
  }
}

// As a stream in a pipeline.
const pieces = [];
pipeline(Readable.from(['stream ', 'of ', 'words']), crypto.createCipheriv('aes-256-cbc', key, iv),
  new Writable({ write(chunk, encoding, done) { pieces.push(chunk); done(); } }), (error) => {
    const all = Buffer.concat(pieces);
    const plain = crypto.createDecipheriv('aes-256-cbc', key, iv);
    console.log('pipeline', error ?? 'ok', all.length, Buffer.concat([plain.update(all), plain.final()]).toString());
  });
console.log('ciphers listed:', crypto.getCiphers().includes('aes-256-gcm'), crypto.getCiphers().includes('rc4'));
