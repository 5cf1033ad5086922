const fs = require('fs');
const { promisify } = require('util');
const { setTimeout: sleep } = require('timers/promises');
const readFile = promisify(fs.readFile);

(async function gather() {
  console.log('gathering');
  await Promise.all([42, { then(resolve) { resolve(1); } }, sleep(30), readFile(__filename)]);
  console.log('all settled');
  await Promise.race([sleep(200), readFile(__filename)]);
  console.log('race settled');
})();
setTimeout(() => {
  console.log('timer 60');
}, 60);
setTimeout(() => {
  console.log('timer 120');
}, 120);
console.log('main end');
