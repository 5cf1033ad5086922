let tick = 0;
const interval = setInterval(() => {
  tick += 1;
  const thisTick = tick;
  if (tick === 2) clearInterval(interval);
  Promise.resolve().then(() => {
    console.log(`tick ${thisTick} promise`);
  });
  process.nextTick(() => {
    console.log(`tick ${thisTick} nextTick`);
  });
  console.log(`tick ${thisTick}`);
}, 30);
