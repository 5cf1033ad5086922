// v8: heap statistics with V8's keys, serialize/deserialize round trips, the flags call
// that is accepted.
const v8 = require('v8');

console.log(Object.keys(v8).join(','));
const statistics = v8.getHeapStatistics();
console.log(Object.keys(statistics).join(','));
console.log(Object.values(statistics).every((value) => typeof value === 'number' && value >= 0));
console.log(statistics.heap_size_limit > statistics.used_heap_size, statistics.used_heap_size > 0);
console.log(v8.getHeapSpaceStatistics().map((space) => space.space_name).join(','));
console.log(Object.keys(v8.getHeapSpaceStatistics()[0]).join(','), Object.keys(v8.getHeapCodeStatistics()).join(','));
console.log(typeof v8.cachedDataVersionTag(), v8.setFlagsFromString('--harmony'));

const value = { a: [1, 'x', new Map([[1, { deep: true }]])], d: new Date(0), s: new Set([1]), r: /re/g, n: null,
  u: new Uint16Array([1, 2]), big: 12345678901234567890n, nested: { neg: -0, inf: -Infinity } };
value.self = value;
const bytes = v8.serialize(value);
const back = v8.deserialize(bytes);
console.log(Buffer.isBuffer(bytes), bytes[0], back.self === back, back !== value);
console.log(back);
console.log(v8.deserialize(v8.serialize('text')), v8.deserialize(v8.serialize(42)), v8.deserialize(v8.serialize([undefined])));

const serializer = new v8.Serializer();
serializer.writeHeader();
serializer.writeValue({ first: 1 });
serializer.writeValue(['second']);
const deserializer = new v8.Deserializer(serializer.releaseBuffer());
console.log(deserializer.readHeader(), deserializer.readValue(), deserializer.readValue());

for (const call of [() => v8.serialize(() => 1), () => v8.serialize({ s: Symbol('x') }), () => v8.deserialize(Buffer.from('zz'))]) {
  try {
    call();
  } catch (error) {
    console.log(error.name, error.code, error.message);
  }
}
