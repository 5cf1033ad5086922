import { setTimeout as sleep } from 'timers/promises';

console.log('a');
setTimeout(() => {
  console.log('timeout 0');
}, 0);
setImmediate(() => {
  console.log('immediate');
});
process.nextTick(() => {
  console.log('tick');
});
Promise.resolve().then(() => {
  console.log('promise');
});
await sleep(30);
console.log('after sleep');
setTimeout(() => {
  console.log('timeout 0 after sleep');
}, 0);
setImmediate(() => {
  console.log('immediate after sleep');
});
process.nextTick(() => {
  console.log('tick after sleep');
});
Promise.resolve().then(() => {
  console.log('promise after sleep');
});
