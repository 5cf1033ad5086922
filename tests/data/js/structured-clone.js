const original = { date: new Date(0), map: new Map([[1, { deep: [1, 2] }]]), set: new Set(['a']), re: /x/g, big: 10n, nested: { arr: [1, , 3] } };
original.self = original;
const copy = structuredClone(original);
console.log(copy !== original, copy.self === copy, copy.map.get(1).deep, copy.date instanceof Date, copy);
try { structuredClone({ f() {} }); } catch (e) { console.log(e.name, e.message); }
try { structuredClone(Symbol('s')); } catch (e) { console.log(e.name, e.message); }
class Animal { constructor() { this.legs = 4; } }
console.log(structuredClone(new Animal()), structuredClone(new Error('boom')).message);
