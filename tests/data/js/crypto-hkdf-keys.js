const crypto = require('crypto');
const { promisify } = require('util');
async function main() {
  const key = crypto.hkdfSync('sha256', 'secret', 'salt', 'info', 32);
  console.log('hkdf', Buffer.from(key).toString('hex'));
  const k2 = await promisify(crypto.hkdf)('sha256', 'secret', 'salt', 'info', 16);
  console.log('hkdf async', Buffer.from(k2).toString('hex'));
  const p = await promisify(crypto.pbkdf2)('password', 'salt', 1, 20, 'sha1');
  console.log('pbkdf2', p.toString('hex'));
  const s = await promisify(crypto.scrypt)('password', 'NaCl', 32, { N: 1024, r: 8, p: 16 });
  console.log('scrypt', s.toString('hex'));
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const sig = crypto.sign('sha256', Buffer.from('data'), privateKey);
  console.log('ec verify', crypto.verify('sha256', Buffer.from('data'), publicKey, sig), crypto.verify('sha256', Buffer.from('datA'), publicKey, sig));
  console.log(publicKey.asymmetricKeyType, privateKey.type, publicKey.type);
  const secret = crypto.createSecretKey(Buffer.alloc(32, 7));
  console.log(secret.type, secret.symmetricKeySize);
  const h = crypto.createHmac('sha512', secret).update('x').digest('base64');
  console.log('hmac key object', h.length);
  const iv = Buffer.alloc(16, 0);
  const c = crypto.createCipheriv('aes-128-ctr', Buffer.alloc(16, 1), iv);
  const ct = Buffer.concat([c.update('counter mode text'), c.final()]);
  console.log('ctr', ct.toString('hex'));
  try { crypto.createCipheriv('aes-128-cbc', Buffer.alloc(5), iv); } catch (e) { console.log(e.code, e.message); }
  const dec = crypto.createDecipheriv('aes-128-cbc', Buffer.alloc(16), iv);
  try { dec.update(Buffer.alloc(16)); dec.final(); } catch (e) { console.log(e.code, e.message); }
  console.log(crypto.createHash('sha256').update('a').digest().length, crypto.getRandomValues(new Uint8Array(4)).length);
}
main();
