// crypto's key pairs: generateKeyPair(Sync) for RSA, EC and Ed25519, KeyObject and its exports
// (PEM, DER; spki, pkcs8, pkcs1, sec1), sign/verify (PKCS#1, PSS, ECDSA, Ed25519), createSign /
// createVerify, RSA encryption, secret keys, and the errors Node gives.
const crypto = require('crypto');
const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
console.log(publicKey.type, privateKey.type, publicKey.asymmetricKeyType, publicKey.asymmetricKeyDetails, privateKey.asymmetricKeyDetails);
console.log(publicKey);
console.log(Object.prototype.toString.call(publicKey), publicKey.constructor.name, privateKey.constructor.name, publicKey instanceof crypto.KeyObject);
const pem = publicKey.export({ type: 'spki', format: 'pem' });
console.log(pem.split('\n')[0], pem.split('\n').length, pem.endsWith('-----END PUBLIC KEY-----\n'));
const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' });
console.log(pkcs1.split('\n')[0]);
const der = publicKey.export({ type: 'spki', format: 'der' });
console.log(Buffer.isBuffer(der), der.length);
const sig = crypto.sign('sha256', Buffer.from('hello'), privateKey);
console.log(sig.length, crypto.verify('sha256', Buffer.from('hello'), publicKey, sig), crypto.verify('sha256', Buffer.from('hellO'), publicKey, sig));
const s = crypto.createSign('SHA256'); s.update('some '); s.update('data'); const sig2 = s.sign(privateKey, 'hex');
const v = crypto.createVerify('SHA256'); v.update('some data'); console.log(sig2.length, v.verify(publicKey, sig2, 'hex'));
const pemPriv = privateKey.export({ type: 'pkcs8', format: 'pem' });
console.log(crypto.verify('sha256', Buffer.from('hello'), pem, sig), crypto.sign('sha256', Buffer.from('x'), pemPriv).length);
const pk2 = crypto.createPublicKey(pemPriv); console.log(pk2.type, pk2.asymmetricKeyType);
const pk3 = crypto.createPrivateKey(pemPriv); console.log(pk3.type, pk3.export({type:'pkcs8', format:'pem'}) === pemPriv);
const enc = crypto.publicEncrypt(publicKey, Buffer.from('secret'));
console.log(enc.length, crypto.privateDecrypt(privateKey, enc).toString());
const enc2 = crypto.publicEncrypt({ key: pem, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.from('s2'));
try { crypto.privateDecrypt({ key: pemPriv, padding: crypto.constants.RSA_PKCS1_PADDING }, enc2); } catch (e) { console.log(e.name, e.code, e.message); }
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'sec1', format: 'pem' } });
console.log(typeof ec.publicKey, ec.privateKey.split('\n')[0], ec.publicKey.split('\n')[0]);
const ecSig = crypto.sign('sha256', Buffer.from('m'), ec.privateKey);
console.log(crypto.verify('sha256', Buffer.from('m'), ec.publicKey, ecSig), crypto.createPublicKey(ec.publicKey).asymmetricKeyDetails);
const ed = crypto.generateKeyPairSync('ed25519');
const edSig = crypto.sign(null, Buffer.from('m'), ed.privateKey);
console.log(edSig.length, crypto.verify(null, Buffer.from('m'), ed.publicKey, edSig), ed.publicKey.asymmetricKeyType, ed.publicKey.asymmetricKeyDetails);
const secret = crypto.createSecretKey(Buffer.from('0123456789abcdef'));
console.log(secret.type, secret.symmetricKeySize, secret.export().toString());
crypto.generateKeyPair('rsa', { modulusLength: 1024, publicExponent: 3 }, (err, pub, priv) => {
  console.log('async', err, pub.type, pub.asymmetricKeyDetails);
});
try { crypto.generateKeyPairSync('nope', {}); } catch (e) { console.log(e.name, e.code, e.message); }
try { crypto.createPublicKey('not a key'); } catch (e) { console.log(e.name, e.code, e.message); }
try { crypto.generateKeyPairSync('rsa', {}); } catch (e) { console.log(e.name, e.code, e.message); }
try { crypto.generateKeyPairSync('ec', {}); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(crypto.constants.RSA_PKCS1_PSS_PADDING, crypto.constants.RSA_PKCS1_OAEP_PADDING);
const pss = crypto.sign('sha256', Buffer.from('p'), { key: privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
console.log(crypto.verify('sha256', Buffer.from('p'), { key: publicKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, pss));
