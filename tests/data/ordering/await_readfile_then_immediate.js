const fs = require('fs');
const { promisify } = require('util');
const readFile = promisify(fs.readFile);

(async function load() {
  console.log('reading');
  await readFile(__filename);
  console.log('read done');
  setTimeout(() => {
    console.log('timeout');
  }, 0);
  setImmediate(() => {
    console.log('immediate');
  });
})();
console.log('main end');
