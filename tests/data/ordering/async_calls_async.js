async function inner() {
  console.log('inner start');
  await null;
  console.log('inner end');
}
async function outer() {
  console.log('outer start');
  await inner();
  console.log('outer end');
}

outer();
Promise.resolve().then(() => {
  console.log('p1');
}).then(() => {
  console.log('p2');
});
console.log('main end');
