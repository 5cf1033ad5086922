const fs = require('fs');

fs.readFile(__filename, () => {
  console.log('read done');
  setTimeout(() => {
    console.log('timeout');
  }, 0);
  setImmediate(() => {
    console.log('immediate');
  });
});
console.log('main done');
