let tick = 0;
const interval = setInterval(() => {
  const n = ++tick;
  console.log(`tick ${n}`);
  setImmediate(() => {
    console.log(`immediate ${n}`);
  });
  if (n === 3)
    clearInterval(interval);
  const end = Date.now() + 80;
  while (Date.now() < end);
}, 50);
console.log('main end');
