async function inner() {
  console.log('inner start');
  await null;
  console.log('inner end');
}
async function middle() {
  console.log('middle start');
  await inner();
  console.log('middle end');
}
async function outer() {
  console.log('outer start');
  await middle();
  console.log('outer end');
}

outer();
Promise.resolve().then(() => {
  console.log('p1');
}).then(() => {
  console.log('p2');
});
queueMicrotask(() => {
  console.log('q1');
  queueMicrotask(() => {
    console.log('q2');
    queueMicrotask(() => {
      console.log('q3');
      queueMicrotask(() => {
        console.log('q4');
      });
    });
  });
});
console.log('main end');
