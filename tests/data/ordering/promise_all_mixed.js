const fs = require('fs');
const { promisify } = require('util');
const { setTimeout: sleep } = require('timers/promises');
const readFile = promisify(fs.readFile);
const thenable = (value) => ({ then(resolve) { resolve(value); } });

(async function gather() {
  await Promise.all([sleep(60), readFile(__filename), thenable(1)]);
  console.log('all done');
})();
setTimeout(() => {
  console.log('timer 20');
}, 20);
setTimeout(() => {
  console.log('timer 100');
}, 100);
