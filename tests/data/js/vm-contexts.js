// vm: code run in a context of its own, whose globals are the contextified object's
// properties (reads and writes reach it, declarations land on it), in the program's own
// global, and as Scripts compiled once and run many times.
const vm = require('vm');

const sandbox = { x: 2, log: [] };
console.log(vm.runInNewContext('x * 21', sandbox));
vm.runInNewContext('var y = x + 1; z = 5; function f() { return 1 } let q = 3; this.w = 9; log.push(typeof q)', sandbox);
console.log(Object.keys(sandbox), sandbox.y, sandbox.z, sandbox.w, typeof sandbox.f, sandbox.f(), sandbox.log, 'q' in sandbox);

const context = vm.createContext({ n: 0 });
console.log(vm.isContext(context), vm.isContext({}), vm.createContext(context) === context, context);
vm.runInContext('n += 1; globalThis.kind = typeof Array; var list = [1, 2]', context);
vm.runInContext('n += 1; list.push(n)', context);
context.n = 10;
console.log(vm.runInContext('n + 1', context), context.kind, context.list, context.list instanceof Array,
            Array.isArray(context.list), vm.runInNewContext('[1]') instanceof Array);
console.log(vm.runInContext('var later; typeof later', context), 'later' in context, context.later);

// A context has JavaScript's globals, its own, and none of Node's.
console.log(vm.runInNewContext('[typeof setTimeout, typeof require, typeof process, typeof globalThis, typeof Math]').join());
console.log(vm.runInNewContext('Object') === Object, vm.runInNewContext('Array', { Array: 'mine' }));
console.log(vm.runInNewContext('this') === sandbox, vm.runInNewContext('typeof this.hidden', { hidden: 1 }));

// A function made inside keeps reading and writing the sandbox afterwards.
const counter = { count: 0 };
vm.runInNewContext('globalThis.bump = function () { count += 1; return count; }', counter);
counter.bump();
counter.bump();
console.log(counter.count, typeof counter.bump);

// Scripts.
const script = new vm.Script('total = (typeof total === "number" ? total : 0) + step');
const running = vm.createContext({ step: 3 });
script.runInContext(running);
script.runInContext(running);
console.log(running.total, script.runInNewContext({ step: 1, total: 100 }), Object.keys(script));
console.log(vm.createScript('6 * 7').runInNewContext(), new vm.Script('1 + 1', 'named.vm').runInThisContext());

// The program's own global.
globalThis.shared = 41;
console.log(vm.runInThisContext('shared + 1'), vm.runInThisContext('typeof require'), vm.runInThisContext('var made = 5; made'),
            globalThis.made);

// compileFunction.
const add = vm.compileFunction('return a + b + (c || 0)', ['a', 'b', 'c']);
console.log(add(1, 2), add(1, 2, 3), add.length);

console.log(Object.keys(vm).join(','));
for (const call of [() => vm.runInContext('1', {}), () => vm.createContext(5), () => vm.isContext('no'),
  () => vm.runInNewContext('1', {}, { timeout: -1 }), () => vm.runInNewContext('1', {}, { timeout: 1.5 }),
  () => new vm.Script('1', { filename: 5 })]) {
  try {
    call();
  } catch (error) {
    console.log(error.code, error.message);
  }
}
