console.log(typeof globalThis, typeof global, global === globalThis, typeof require, typeof module, typeof exports);
console.log(JSON.stringify({ a: [1, { b: 2 }], d: new Date(0) }), JSON.parse('{"x":[1,2]}').x[1]);
console.log(typeof setTimeout, typeof queueMicrotask, typeof structuredClone, typeof TextEncoder, typeof Buffer);
console.log(typeof process.hrtime.bigint(), Array.isArray(process.hrtime()), typeof performance.now());
console.log(process.argv.length, typeof process.env.PATH, process.platform, typeof process.pid);
