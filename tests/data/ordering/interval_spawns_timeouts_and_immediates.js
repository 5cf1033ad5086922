let tick = 0;
const interval = setInterval(() => {
  const n = ++tick;
  console.log(`tick ${n}`);
  setTimeout(() => {
    console.log(`timeout from tick ${n}`);
  }, 0);
  setImmediate(() => {
    console.log(`immediate from tick ${n}`);
  });
  if (n === 3)
    clearInterval(interval);
}, 40);
console.log('main end');
