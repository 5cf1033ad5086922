console.log('before await');
const value = await new Promise((resolve) => setTimeout(() => resolve(42), 10));
console.log('after await', value);
setImmediate(() => console.log('immediate after await'));
process.nextTick(() => console.log('tick after await'));
await null;
console.log('end of module');
