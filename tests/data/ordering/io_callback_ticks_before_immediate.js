const fs = require('fs');

fs.readFile(__filename, () => {
  setImmediate(() => {
    console.log('immediate');
  });
  Promise.resolve().then(() => {
    console.log('promise');
  });
  process.nextTick(() => {
    console.log('tick');
  });
  console.log('callback');
});
