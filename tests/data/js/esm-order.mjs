console.log('module start');
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise'));
queueMicrotask(() => console.log('microtask'));
setTimeout(() => console.log('timeout 5'), 5);
setImmediate(() => console.log('immediate'));
console.log('module end');
