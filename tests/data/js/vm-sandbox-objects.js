// vm: a context that is given require and console, promises and async functions inside
// it, getters and setters on the sandbox, a class instance contextified, generators.
const vm = require('vm');
const ctx = vm.createContext({ console, require, results: [] });
vm.runInContext(`
  const path = require('path');
  results.push(path.basename('/a/b.txt'));
  (async () => { await null; results.push('async done'); console.log('inside async', results.length); })();
  Promise.resolve(1).then((v) => results.push('then ' + v));
`, ctx);
console.log('sync', ctx.results);
setTimeout(() => console.log('later', ctx.results), 5);
const p = vm.runInNewContext('Promise.resolve(42)');
console.log(p instanceof Promise, typeof p.then);
p.then((v) => console.log('resolved', v));
const obj = { get computed() { return 'getter'; }, set stored(v) { this._s = v * 2; } };
vm.runInNewContext('seen = computed; stored = 5', obj);
console.log(obj.seen, obj._s);
class Holder { constructor() { this.field = 1; } method() { return this.field + 1; } }
const h = new Holder(); vm.createContext(h);
console.log(vm.runInContext('field + 10', h), vm.runInContext('typeof method', h));
const gen = vm.runInNewContext('(function* () { yield 1; yield 2; })');
console.log([...gen()]);
console.log(vm.runInNewContext('typeof structuredClone + typeof queueMicrotask + typeof TextEncoder + typeof URL + typeof WebAssembly'));
