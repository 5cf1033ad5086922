setTimeout(() => {
  console.log('A (40 ms)');
  process.nextTick(() => {
    console.log('tick from A');
  });
  setTimeout(() => {
    console.log('timeout 0 from A');
  }, 0);
  setImmediate(() => {
    console.log('immediate from A');
  });
}, 40);
setTimeout(() => {
  console.log('B (10 ms)');
  Promise.resolve().then(() => {
    console.log('promise from B');
  });
}, 10);
setTimeout(() => {
  console.log('C (40 ms)');
}, 40);
setTimeout(() => {
  console.log('D (25 ms)');
}, 25);
const end = Date.now() + 80;
while (Date.now() < end);
console.log('main end');
