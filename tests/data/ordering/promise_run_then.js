Promise.resolve().then(() => {
  console.log('a1');
}).then(() => {
  console.log('a2');
});
Promise.resolve().then(() => {
  console.log('b1');
}).then(() => {
  console.log('b2');
});
console.log('sync');
