process.nextTick(() => {
  console.log('tick A');
  Promise.resolve().then(() => {
    console.log('promise from tick A');
    process.nextTick(() => {
      console.log('tick from promise');
      queueMicrotask(() => {
        console.log('microtask from tick from promise');
      });
    });
  });
  process.nextTick(() => {
    console.log('tick from tick A');
  });
});
Promise.resolve().then(() => {
  console.log('promise B');
  process.nextTick(() => {
    console.log('tick from promise B');
  });
}).then(() => {
  console.log('promise B then');
});
queueMicrotask(() => {
  console.log('microtask C');
});
console.log('main end');
