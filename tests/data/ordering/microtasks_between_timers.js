setTimeout(() => {
  console.log('A');
  Promise.resolve().then(() => {
    console.log('pA');
  });
  process.nextTick(() => {
    console.log('tA');
  });
}, 10);
setTimeout(() => {
  console.log('B');
  Promise.resolve().then(() => {
    console.log('pB');
  });
}, 10);
