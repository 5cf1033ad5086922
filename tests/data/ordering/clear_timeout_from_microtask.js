setTimeout(() => {
  console.log('first');
  Promise.resolve().then(() => {
    clearTimeout(victim);
    console.log('cleared victim');
  });
}, 20);
const victim = setTimeout(() => {
  console.log('victim ran');
}, 20);
setTimeout(() => {
  console.log('third');
}, 20);
console.log('main end');
