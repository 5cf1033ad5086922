let tick = 0;
const beat = setInterval(() => {
  console.log(`beat ${++tick}`);
  process.nextTick(() => {
    setTimeout(() => {
      console.log("timeout from beat's nextTick");
    }, 30);
  });
  Promise.resolve().then(() => {
    clearInterval(beat);
    console.log('cleared in microtask');
  });
}, 30);
setTimeout(() => {
  console.log('end');
}, 100);
console.log('main end');
