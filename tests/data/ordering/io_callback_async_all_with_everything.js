const fs = require('fs');
const { setTimeout: sleep } = require('timers/promises');

fs.readFile(__filename, () => {
  (async function gather() {
    console.log('gather starts');
    await Promise.all([sleep(20), { then(resolve) { resolve(1); } }]);
    console.log('gather resumed');
    setImmediate(() => {
      console.log('immediate from gather');
    });
    process.nextTick(() => {
      console.log('tick from gather');
    });
  })();
  Promise.resolve().then(() => {
    console.log('promise');
  });
  process.nextTick(() => {
    console.log('tick');
  });
  setTimeout(() => {
    console.log('timeout 0');
  }, 0);
  setImmediate(() => {
    console.log('immediate');
  });
  console.log('read done');
});
