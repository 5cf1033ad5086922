// A .js file that is an ES module by its syntax runs as one: its body is a promise job, so
// its promise reactions run before its nextTicks, as for an .mjs file.
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise'));
queueMicrotask(() => console.log('microtask'));
console.log('module body');
export {};
