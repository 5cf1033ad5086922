function cpu(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

setTimeout(() => {
  console.log('timer');
}, 0);
process.nextTick(() => {
  console.log('tick 1');
  cpu(30);
  Promise.resolve().then(() => {
    console.log('promise');
  });
  process.nextTick(() => {
    console.log('tick 2');
    process.nextTick(() => {
      console.log('tick 3');
    });
  });
});
