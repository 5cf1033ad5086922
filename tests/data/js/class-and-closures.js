class Counter { #n = 0; inc() { return ++this.#n; } static make() { return new Counter(); } }
const c = Counter.make();
c.inc(); c.inc();
console.log('count', c.inc());
const fns = [1, 2, 3].map((x) => () => x * 2);
console.log(fns.map((f) => f()).join(' '));
console.log([3, 1, 2].sort().join(''), 'abc'.at(-1), Object.entries({ a: 1 }).flat().join('='));
