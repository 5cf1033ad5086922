const thenable = (value) => ({ then(resolve) { resolve(value); } });

async function inner() {
  console.log('i1');
  await null;
  console.log('i2');
}
async function outer() {
  console.log('o1');
  await inner();
  console.log('o2');
}

outer();
Promise.resolve().then(() => {
  console.log('p1');
}).then(() => {
  console.log('p2');
});
console.log('sync');
(async function a() {
  await Promise.all([1, thenable(2)]);
  console.log('all');
})();
(async function b() {
  await Promise.race([thenable(3), 4]);
  console.log('race');
})();
