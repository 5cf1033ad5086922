let tick = 0;
const interval = setInterval(() => {
  const n = ++tick;
  console.log(`tick ${n}`);
  Promise.resolve().then(() => {
    setTimeout(() => {
      console.log(`timeout from tick ${n}`);
    }, 50);
  });
  process.nextTick(() => {
    setTimeout(() => {
      console.log(`timeout from tick ${n}'s nextTick`);
    }, 50);
  });
  if (n === 3)
    clearInterval(interval);
}, 50);
console.log('main end');
