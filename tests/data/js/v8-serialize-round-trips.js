// v8.serialize/deserialize round trips of class instances, holes, errors, typed arrays,
// Buffers, boxed primitives; what cannot be cloned.
const v8 = require('v8');
const rt = (v) => v8.deserialize(v8.serialize(v));
class Point { constructor() { this.x = 1; } }
console.log(rt(new Point()), rt([1, , 3]), rt(new Error('boom')).message, rt(Object.create(null, { a: { value: 1, enumerable: true } })));
console.log(rt(new Float64Array([1.5])), rt(new ArrayBuffer(2)), rt(new DataView(new ArrayBuffer(1))).byteLength);
console.log(rt(Buffer.from('hi')));
console.log(rt(new String('boxed')), rt(Object(1n)), rt(NaN), rt(undefined), rt(null), rt(true));
const big = { arr: Array.from({ length: 1000 }, (_, i) => i) };
console.log(rt(big).arr.length);
try { v8.serialize(new WeakMap()); } catch (e) { console.log(e.name, e.message); }
try { v8.serialize(Promise.resolve()); } catch (e) { console.log(e.name, e.message); }
try { v8.deserialize('string'); } catch (e) { console.log(e.name, e.code, e.message); }
const structured = structuredClone(new Map([[{ k: 1 }, new Set([2])]]));
console.log(structured);
