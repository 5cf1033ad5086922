// vm: a sandbox's own names are the context's own globals (Object.keys(globalThis), delete),
// a sandbox name hides a built-in until it is deleted, var and function declarations.
const vm = require('vm');
console.log(vm.runInNewContext('Object.keys(globalThis)', { a: 1, b: 2 }));
console.log(vm.runInNewContext('delete x; typeof x', { x: 1 }));
const sb = { x: 1, y: 2 }; vm.runInNewContext('delete x', sb); console.log(sb);
console.log(vm.runInNewContext('globalThis.hasOwnProperty("a") + " " + ("a" in globalThis)', { a: 1 }));
const c = vm.createContext({ Math: 'fake' }); console.log(vm.runInContext('Math', c)); delete c.Math; console.log(vm.runInContext('typeof Math', c));
const s2 = { v: 1 }; vm.createContext(s2); vm.runInContext('var v = 5', s2); console.log(s2.v);
const s3 = { fn: 1 }; vm.createContext(s3); vm.runInContext('function fn() { return 2 }', s3); console.log(typeof s3.fn, s3.fn());
const hidden = Object.defineProperty({}, 'secret', { value: 1, enumerable: false }); console.log(vm.runInNewContext('secret + Object.keys(globalThis).length', hidden));
