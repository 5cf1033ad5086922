process.nextTick(() => {
  console.log('t1');
  Promise.resolve().then(() => {
    console.log('promise from t1');
    process.nextTick(() => {
      console.log('t4 from promise');
    });
  });
  process.nextTick(() => {
    console.log('t2');
  });
});
process.nextTick(() => {
  console.log('t3');
});
console.log('sync');
