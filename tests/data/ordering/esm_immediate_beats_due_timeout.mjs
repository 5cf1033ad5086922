setImmediate(() => {
  console.log('immediate');
});
setTimeout(() => {
  console.log('timeout');
}, 0);
const end = Date.now() + 5;
while (Date.now() < end);
console.log('main end');
