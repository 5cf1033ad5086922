const crypto = require('crypto');
for (let i = 1; i <= 8; i++)
  crypto.pbkdf2('secret', 'salt', 200000, 64, 'sha512', () => console.log('done', i));
