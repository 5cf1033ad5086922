let tick = 0;
const interval = setInterval(() => {
  tick += 1;
  console.log(`tick ${tick}`);
  if (tick === 3) clearInterval(interval);
}, 20);
setTimeout(() => {
  console.log('after the interval');
}, 150);
console.log('main done');
