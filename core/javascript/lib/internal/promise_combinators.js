// V8's async frame for a promise that Promise.all, allSettled or any waits on: an error that
// rejects the promise at index N of the array shows "    at async Promise.all (index N)"
// between its own frames and those of the function awaiting the combinator's promise.
// SpiderMonkey's reaction records forget the element's index once the element settles, so
// the combinators note each element promise of the array they are given.
'use strict';

const elementOf = new WeakMap();  // element promise -> 'all (index N)'

function noteElements(items, combinator) {
  if (!Array.isArray(items))
    return;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item instanceof Promise)
      elementOf.set(item, `${combinator} (index ${index})`);
  }
}

const native = { all: Promise.all, allSettled: Promise.allSettled, any: Promise.any };
const noting = {
  all(iterable) {
    noteElements(iterable, 'all');
    return Reflect.apply(native.all, this, [iterable]);
  },
  allSettled(iterable) {
    noteElements(iterable, 'allSettled');
    return Reflect.apply(native.allSettled, this, [iterable]);
  },
  any(iterable) {
    noteElements(iterable, 'any');
    return Reflect.apply(native.any, this, [iterable]);
  },
};
for (const name of Object.keys(noting))
  Object.defineProperty(Promise, name, { value: noting[name], writable: true, configurable: true, enumerable: false });

// The frame V8 shows for `promise` as an element of a combinator, or undefined.
function combinatorFrame(promise) {
  const element = promise !== null && typeof promise === 'object' ? elementOf.get(promise) : undefined;
  return element === undefined ? undefined : `    at async Promise.${element}`;
}

module.exports = { combinatorFrame };
