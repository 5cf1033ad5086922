// racy: in the main module a 0 ms timer and an immediate race (the timer wins when 1 ms passed before the first iteration)
console.log('script start');
setTimeout(() => console.log('setTimeout'), 0);
setImmediate(() => console.log('setImmediate'));
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise'));
queueMicrotask(() => console.log('queueMicrotask'));
console.log('script end');
