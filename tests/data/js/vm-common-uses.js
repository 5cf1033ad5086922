// vm in the ways programs use it: a context run many times, results that are the
// context's own arrays and objects, timers and eval inside, built-ins, lexical and var
// declarations, a sandbox with a prototype.
const vm = require('vm');
// common patterns
const ctx = { animal: 'cat', count: 2 };
vm.createContext(ctx);
const code = 'count += 1; name = "kitty"';
for (let i = 0; i < 10; ++i) vm.runInContext(code, ctx);
console.log(ctx);
const sandbox = { result: null, console };
vm.runInNewContext('result = [1,2,3].map(x => x * 2); console.log("inside", result)', sandbox);
console.log(sandbox.result, Array.isArray(sandbox.result));
const s = new vm.Script('globalVar = "set"; 42');
const contexts = [{}, {}, {}];
contexts.forEach((c) => { vm.createContext(c); s.runInContext(c); });
console.log(contexts);
console.log(vm.runInNewContext('JSON.stringify({a: [1, {b: 2}]})'));
console.log(vm.runInNewContext('new Date(0).toISOString()'));
console.log(vm.runInNewContext('typeof eval("1+1")'), vm.runInNewContext('eval("var ev = 3"); ev'));
const fnCtx = { setTimeout, console, done: false };
vm.runInNewContext('setTimeout(() => { done = true; console.log("timer fired in context") }, 1)', fnCtx);
setTimeout(() => console.log('done is', fnCtx.done), 20);
console.log(vm.runInNewContext('Math.max(...list)', { list: [3, 9, 2] }));
console.log(vm.runInNewContext('(function () { return this })() === globalThis'));
console.log(vm.runInNewContext('"use strict"; typeof this'));
console.log(vm.runInNewContext('class A { m() { return 1 } }; new A().m()'));
console.log(vm.runInNewContext('let a = 1; const b = 2; a + b'), vm.runInNewContext('var v = 1; v'));
const c2 = vm.createContext({});
vm.runInContext('let lexical = 5; var hoisted = 6', c2);
console.log(vm.runInContext('lexical + hoisted', c2), c2);
console.log(vm.runInNewContext('x', { x: undefined }), vm.runInNewContext('typeof y', {}));
const util = require('util');
console.log(util.inspect(vm.runInNewContext('({ a: new Map([[1, 2]]), s: new Set([1]), d: [1, "x"] })')));
console.log(vm.runInNewContext('[1, 2, 3]'), vm.runInNewContext('new Error("e")').message);
const proto = Object.create({ inherited: 'yes' }); proto.own = 'mine';
console.log(vm.runInNewContext('inherited + " " + own', proto));
