const crypto = require('crypto');
console.log(crypto.createHash('sha256').update('hello').digest('hex'));
console.log(crypto.createHash('md5').update('a').update('b').digest('base64'));
console.log(crypto.createHash('sha1').update(Buffer.from('x')).digest().length);
console.log(crypto.createHmac('sha256', 'key').update('data').digest('hex'));
console.log(crypto.pbkdf2Sync('pw', 'salt', 1000, 16, 'sha256').toString('hex'));
crypto.pbkdf2('pw', 'salt', 1000, 16, 'sha256', (err, key) => console.log('async', key.toString('hex')));
console.log(crypto.scryptSync('pw', 'salt', 16).toString('hex'));
console.log(crypto.randomBytes(8).length, typeof crypto.randomUUID(), crypto.randomUUID().length);
try { crypto.pbkdf2Sync('pw', 'salt', 1, 16); } catch (e) { console.log(e.code); }
