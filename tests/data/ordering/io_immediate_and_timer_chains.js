const fs = require('fs');

fs.readFile(__filename, () => {
  setTimeout(() => {
    console.log('timeout 1');
    setImmediate(() => {
      console.log('immediate from timeout 1');
    });
    setTimeout(() => {
      console.log('timeout from timeout 1');
    }, 0);
  }, 0);
  setImmediate(() => {
    console.log('immediate 1');
    setTimeout(() => {
      console.log('timeout from immediate 1');
    }, 0);
    setImmediate(() => {
      console.log('immediate from immediate 1');
    });
    const end = Date.now() + 5;
    while (Date.now() < end);
  });
  console.log('read');
});
