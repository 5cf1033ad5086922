(async function a() {
  await { then(resolve) { resolve('x'); } };
  console.log('a after thenable');
})();
(async function b() {
  await 1;
  console.log('b after 1');
  await 2;
  console.log('b after 2');
  await 3;
  console.log('b after 3');
})();
Promise.resolve().then(() => {
  console.log('p1');
}).then(() => {
  console.log('p2');
});
queueMicrotask(() => {
  console.log('q1');
  Promise.resolve().then(() => {
    console.log('q2');
  });
});
console.log('main end');
