// What a Map or Set iterator has still to give, for util.inspect and console.table
// (`[Map Iterator] { 'a', 'b' }`). V8 lets Node peek into an iterator; SpiderMonkey
// does not, so every iterator made by Map and Set remembers its collection, its kind
// and how many items it has handed out. Installed before the program runs.
'use strict';

const sources = new WeakMap();
const mapEntries = Map.prototype.entries;
const setValues = Set.prototype.values;

function remember(prototype, names, kind) {
  const make = prototype[names[0]];
  const wrapped = {
    [names[0]]() {
      const iterator = Reflect.apply(make, this, []);
      sources.set(iterator, { collection: this, kind, taken: 0 });
      return iterator;
    },
  }[names[0]];
  for (const name of names)
    Object.defineProperty(prototype, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
  return Object.getPrototypeOf(Reflect.apply(make, prototype === Map.prototype ? new Map() : new Set(), []));
}

function countTaken(iteratorPrototype) {
  const next = iteratorPrototype.next;
  Object.defineProperty(iteratorPrototype, 'next', {
    value: {
      next() {
        const result = Reflect.apply(next, this, []);
        const source = sources.get(this);
        if (source !== undefined && !result.done)
          source.taken++;
        return result;
      },
    }.next,
    writable: true, configurable: true, enumerable: false,
  });
}

const mapIteratorPrototype = remember(Map.prototype, ['entries', Symbol.iterator], 'entries');
remember(Map.prototype, ['keys'], 'keys');
remember(Map.prototype, ['values'], 'values');
const setIteratorPrototype = remember(Set.prototype, ['values', 'keys', Symbol.iterator], 'values');
remember(Set.prototype, ['entries'], 'entries');
countTaken(mapIteratorPrototype);
countTaken(setIteratorPrototype);

// Node's shape: [items, isKeyValue] with key-value items flattened, or undefined.
function previewEntries(iterator) {
  const source = sources.get(iterator);
  if (source === undefined)
    return [[], false];
  const all = source.collection instanceof Map
    ? [...Reflect.apply(mapEntries, source.collection, [])]
    : [...Reflect.apply(setValues, source.collection, [])].map((value) => [value, value]);
  const items = [];
  for (const [key, value] of all.slice(source.taken)) {
    if (source.kind === 'entries')
      items.push(key, value);
    else
      items.push(source.kind === 'keys' ? key : value);
  }
  return [items, source.kind === 'entries'];
}

module.exports = { previewEntries };
