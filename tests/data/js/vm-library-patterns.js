// vm as libraries use it: a template compiled once, a plugin's module.exports, a calculator
// over a frozen whitelist, configuration as JavaScript, one script in many contexts, the
// engine's built-ins (Intl, Atomics, WeakRef) inside a context.
const vm = require('vm');
// A template engine pattern: compile once, render with different data.
const template = new vm.Script('`Hello ${name}, you have ${items.length} items: ${items.map((i) => i.toUpperCase()).join(", ")}`');
for (const data of [{ name: 'Ann', items: ['a', 'b'] }, { name: 'Bob', items: [] }])
  console.log(template.runInNewContext(data));
// A plugin sandbox with a module-like exports object.
const sandbox = { module: { exports: {} }, console };
vm.runInNewContext('module.exports = { add: (a, b) => a + b, name: "plugin" }; exports = 1', sandbox);
console.log(sandbox.module.exports.add(2, 3), sandbox.module.exports.name, sandbox.exports);
// Math evaluation with a whitelist.
const calc = (expr) => vm.runInNewContext(expr, Object.freeze({ PI: Math.PI, sqrt: Math.sqrt }), { timeout: 100 });
console.log(calc('sqrt(16) + PI').toFixed(4));
// Configuration files in JS.
const config = vm.runInNewContext('({ port: 8080, hosts: ["a", "b"], nested: { deep: true } })');
console.log(JSON.stringify(config), config.hosts.length);
// Running the same code in many contexts.
const counterScript = new vm.Script('count = (count || 0) + 1; count');
const ctxs = Array.from({ length: 3 }, () => vm.createContext({ count: 0 }));
for (let i = 0; i < 3; i++) ctxs.forEach((c, j) => { if (j <= i) counterScript.runInContext(c); });
console.log(ctxs.map((c) => c.count));
console.log(vm.runInNewContext('typeof globalThis.Buffer + typeof Intl + typeof Atomics + typeof SharedArrayBuffer + typeof WeakRef'));
console.log(vm.runInNewContext('new Intl.NumberFormat("en-US").format(1234567.891)'));
console.log(vm.runInNewContext('[3,1,2].sort().toString() + " " + "abc".at(-1) + " " + Object.hasOwn({a:1}, "a")'));
