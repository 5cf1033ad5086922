// Eight crypto.pbkdf2 calls on a pool of four threads (recorded with UV_THREADPOOL_SIZE=4):
// four run at once, the other four wait in libuv's queue for a free thread.
const crypto = require('crypto');

for (let job = 1; job <= 8; job++)
    crypto.pbkdf2('secret', 'salt', 50000, 32, 'sha256', () => console.log('pbkdf2 done', job));
