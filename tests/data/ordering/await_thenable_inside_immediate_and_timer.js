setImmediate(() => {
  (async function inImmediate() {
    await { then(resolve) { resolve(1); } };
    console.log('immediate async resumed');
  })();
  process.nextTick(() => {
    console.log('immediate tick');
  });
  Promise.resolve().then(() => {
    console.log('immediate promise');
  });
});
setTimeout(() => {
  (async function inTimer() {
    await { then(resolve) { resolve(2); } };
    console.log('timer async resumed');
  })();
  Promise.resolve().then(() => {
    console.log('timer promise');
  }).then(() => {
    console.log('timer promise then');
  });
  process.nextTick(() => {
    console.log('timer tick');
  });
}, 30);
console.log('main end');
