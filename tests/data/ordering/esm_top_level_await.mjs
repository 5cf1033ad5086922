console.log('a');
process.nextTick(() => {
  console.log('tick');
});
await null;
console.log('b');
setTimeout(() => {
  console.log('timeout');
}, 0);
setImmediate(() => {
  console.log('immediate');
});
Promise.resolve().then(() => {
  console.log('promise');
});
