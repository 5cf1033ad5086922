const crypto = require('crypto');
const done = [];
for (let i = 0; i < 6; i++) {
  crypto.pbkdf2('password', 'salt', 50000, 32, 'sha256', () => {
    done.push(i);
    if (done.length === 6) console.log('all six done', done.length);
  });
}
// The main script ends before any of the six is done: they run on the pool.
console.log('queued six, none done yet:', done.length === 0);
