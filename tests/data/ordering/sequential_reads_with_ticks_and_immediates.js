const fs = require('fs');

fs.readFile(__filename, () => {
  console.log('read 1');
  process.nextTick(() => {
    console.log('tick after read 1');
    Promise.resolve().then(() => {
      console.log('promise from tick after read 1');
    });
  });
  fs.readFile(__filename, () => {
    console.log('read 2');
    setImmediate(() => {
      console.log('immediate after read 2');
    });
  });
  setImmediate(() => {
    console.log('immediate after read 1');
    process.nextTick(() => {
      console.log('tick from immediate after read 1');
    });
  });
});
console.log('main end');
