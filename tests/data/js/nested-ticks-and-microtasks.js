process.nextTick(() => {
  console.log('t1');
  process.nextTick(() => console.log('t1.1'));
  queueMicrotask(() => { console.log('m1'); process.nextTick(() => console.log('t from m1')); queueMicrotask(() => console.log('m1.1')); });
});
process.nextTick(() => console.log('t2'));
queueMicrotask(() => console.log('m0'));
