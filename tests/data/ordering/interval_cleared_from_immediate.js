let tick = 0;
const poller = setInterval(() => {
  const n = ++tick;
  console.log(`tick ${n}`);
  process.nextTick(() => {
    console.log(`tick ${n} nextTick`);
  });
}, 50);
setTimeout(() => {
  console.log('timeout');
  setImmediate(() => {
    console.log('clearing');
    clearInterval(poller);
  });
}, 125);
console.log('main end');
