process.nextTick(() => {
  console.log('tick');
});
Promise.resolve().then(() => {
  console.log('promise');
});
setTimeout(() => {
  console.log('timeout');
}, 0);
setImmediate(() => {
  console.log('immediate');
});
console.log('sync');
