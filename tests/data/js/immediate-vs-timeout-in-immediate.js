// racy: inside an immediate, a 0 ms timer and a new immediate race for the next iteration (the timer wins when 1 ms passed)
setImmediate(() => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
});
