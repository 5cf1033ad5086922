const thenable = (value) => ({ then(resolve) { resolve(value); } });

Promise.resolve().then(() => {
  console.log('p1');
}).then(() => {
  console.log('p2');
});
(async function gather() {
  console.log('gather start');
  await Promise.all([1, thenable(2)]);
  console.log('all settled');
})();
Promise.resolve().then(() => {
  console.log('p3');
}).then(() => {
  console.log('p4');
});
console.log('main end');
