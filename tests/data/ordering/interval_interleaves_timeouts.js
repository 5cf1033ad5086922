let tick = 0;
const interval = setInterval(() => {
  tick += 1;
  console.log(`tick ${tick}`);
  if (tick === 3) clearInterval(interval);
}, 40);
setTimeout(() => {
  console.log('timeout 60');
}, 60);
setTimeout(() => {
  console.log('timeout 100');
}, 100);
