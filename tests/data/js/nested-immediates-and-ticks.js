setImmediate(() => {
  console.log('imm A');
  process.nextTick(() => console.log('tick in A'));
  setImmediate(() => console.log('imm C'));
});
setImmediate(() => {
  console.log('imm B');
  Promise.resolve().then(() => console.log('promise in B'));
});
process.nextTick(() => console.log('first tick'));
