console.log({ a: 1, b: 'two', c: [1, 2, 3], d: { e: { f: { g: 1 } } } });
console.log([undefined, null, NaN, -0, 0, 1n, Symbol('s'), true]);
console.log(new Map([['a', 1], ['b', { c: 2 }]]), new Set([1, 'x', [2]]));
console.log([function named() {}, () => {}, class A {}, class B extends Array {}, async function af() {}, function* gen() {}]);
console.log(Promise.resolve(5), Promise.reject(new Error('x')).catch(() => {}) && 'caught', new Promise(() => {}));
console.log('%s is %d years and %i, %f, %j %o %O %%', 'Ann', 42.5, 42.5, '3.5', { j: 1 }, [1], { O: 1 });
console.log(new Date(0), /re[g]ex/gi, new Error('plain').message, Object.create(null));
const circular = { name: 'c' }; circular.self = circular; console.log(circular);
console.log(Array.from({ length: 30 }, (_, i) => i * 3));
console.log('x'.repeat(120));
console.log(['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(30)]);
class Point { constructor() { this.x = 1; this.y = 2; } }
console.log(new Point(), [new Point()], { p: new Point() });
console.log(new Uint8Array([1, 2, 3]), new ArrayBuffer(4), [ , 1, , 2]);
console.log({ 'key with space': 1, valid_id: 2, 3: 'three', [Symbol('k')]: 4 });
