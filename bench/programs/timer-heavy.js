// 100,000 timers over 100 durations, then 20,000 immediates.
let fired = 0;
for (let i = 0; i < 100000; i++)
  setTimeout(() => { fired++; }, i % 100);
setTimeout(() => {
  for (let i = 0; i < 20000; i++)
    setImmediate(() => { fired++; });
}, 150);
process.on('exit', () => console.log('fired', fired));
