setTimeout(() => {
  console.log('timeout 1');
  Promise.resolve().then(() => console.log('promise in timeout 1'));
  process.nextTick(() => console.log('tick in timeout 1'));
}, 0);
setTimeout(() => console.log('timeout 2'), 0);
