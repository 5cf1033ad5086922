Promise.resolve().then(() => {
  console.log('a1');
}).then(() => {
  console.log('a2');
});
Promise.resolve().then(() => {
  console.log('b1');
  process.nextTick(() => {
    console.log('tick in b');
  });
}).then(() => {
  console.log('b2');
});
Promise.resolve().then(() => {
  console.log('c1');
});
console.log('sync');
