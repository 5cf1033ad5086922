const crypto = require('crypto');
const start = Date.now();
const done = [];
for (let i = 0; i < 6; i++) {
  crypto.pbkdf2('password', 'salt', 50000, 32, 'sha256', () => {
    done.push(i);
    if (done.length === 6) console.log('all six done', done.length);
  });
}
console.log('queued six, main thread free:', Date.now() - start < 50);
