setImmediate(() => {
  console.log('I1');
  Promise.resolve().then(() => {
    console.log('p1');
  });
  process.nextTick(() => {
    console.log('t1');
  });
});
setImmediate(() => {
  console.log('I2');
});
