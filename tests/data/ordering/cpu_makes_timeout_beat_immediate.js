setImmediate(() => {
  console.log('immediate');
  process.nextTick(() => {
    console.log('tick from immediate');
  });
});
setTimeout(() => {
  console.log('timeout');
  Promise.resolve().then(() => {
    console.log('promise from timeout');
  });
}, 0);
const end = Date.now() + 5;
while (Date.now() < end);
console.log('main end');
