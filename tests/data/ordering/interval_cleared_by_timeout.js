let tick = 0;
const beat = setInterval(() => {
  tick += 1;
  console.log(`beat ${tick}`);
}, 50);
setTimeout(() => {
  clearInterval(beat);
  console.log('stopped');
}, 175);
