let tick = 0;
const interval = setInterval(() => {
  tick += 1;
  console.log(`tick ${tick}`);
  if (tick === 3) clearInterval(interval);
}, 60);
setTimeout(() => {
  console.log('timeout 90');
}, 90);
setTimeout(() => {
  console.log('timeout 150');
}, 150);
