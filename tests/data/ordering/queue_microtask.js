queueMicrotask(() => {
  console.log('q1');
  queueMicrotask(() => {
    console.log('q3');
  });
});
Promise.resolve().then(() => {
  console.log('p1');
});
process.nextTick(() => {
  console.log('t1');
});
queueMicrotask(() => {
  console.log('q2');
});
console.log('sync');
