// WeakRef and FinalizationRegistry exist as in Node: deref() gives the target while it is
// held, unregister() with the token says whether something was registered, a registry
// refuses a target that is its own held value.
let target = { name: 'big object' };
const ref = new WeakRef(target);
console.log(typeof WeakRef, typeof FinalizationRegistry, ref.deref() === target, ref.deref().name);
console.log(Object.prototype.toString.call(ref), ref[Symbol.toStringTag]);
const registry = new FinalizationRegistry((held) => console.log('cleaned up:', held));
const token = {};
registry.register(target, 'the big object', token);
console.log('unregister:', registry.unregister(token), registry.unregister(token));
registry.register(target, 'again');
try {
  registry.register(target, target);
} catch (error) {
  console.log(String(error.stack).split('\n')[0]);
}
try {
  new WeakRef(1);
} catch (error) {
  console.log(error.name);
}
setTimeout(() => console.log('after a turn, still there:', ref.deref() === target), 1);
console.log(ref, registry);
