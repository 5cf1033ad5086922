const thenable = (value) => ({ then(resolve) { resolve(value); } });

Promise.resolve().then(() => {
  console.log('p1');
}).then(() => {
  console.log('p2');
});
await thenable(1);
console.log('resumed');
process.nextTick(() => {
  console.log('tick');
});
Promise.resolve().then(() => {
  console.log('p3');
});
