setTimeout(() => {
  console.log('timer A');
  setImmediate(() => {
    console.log('immediate from A');
  });
  process.nextTick(() => {
    console.log('tick from A');
    Promise.resolve().then(() => {
      console.log('promise from tick from A');
      process.nextTick(() => {
        console.log('tick from promise from tick from A');
      });
    });
  });
  Promise.resolve().then(() => {
    console.log('promise from A');
  }).then(() => {
    console.log('promise from A then');
  });
}, 10);
setTimeout(() => {
  console.log('timer B');
  queueMicrotask(() => {
    console.log('microtask from B');
  });
}, 10);
const end = Date.now() + 30;
while (Date.now() < end);
console.log('main end');
