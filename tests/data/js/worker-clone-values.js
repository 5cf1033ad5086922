// What survives the trip to a worker and back: the structured clone of Node's V8.
const { Worker } = require('worker_threads');

const shared = { label: 'shared' };
const cyclic = { name: 'cyclic' };
cyclic.self = cyclic;
const bytes = new Uint8Array([1, 2, 3, 250]);
const values = {
  primitives: [1, -0, NaN, Infinity, -Infinity, 'text', true, null, undefined, 12345678901234567890n],
  sparse: [1, , 3],
  date: new Date(0),
  regexp: /a+b/gi,
  map: new Map([[1, 'one'], ['two', { deep: [2] }]]),
  set: new Set(['x', 'y']),
  bytes,
  view: new Float64Array([1.5, -2.25]),
  buffer: Buffer.from('héllo'),
  errors: [new Error('plain'), new RangeError('range'), new TypeError('type', { cause: 'why' })],
  boxed: [Object(1), Object('s'), Object(false)],
  cyclic,
  twice: [shared, shared],
};

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', (value) => parentPort.postMessage(value));
`, { eval: true });
worker.postMessage(values);
worker.on('message', (back) => {
  console.log(back.primitives);
  console.log(Object.is(back.primitives[1], -0), back.sparse, 1 in back.sparse);
  console.log(back.date.toISOString(), back.regexp, back.map, back.set);
  console.log(back.bytes, back.view, back.buffer, Buffer.isBuffer(back.buffer));
  console.log(back.errors.map((e) => [e.constructor.name, e.message, e.cause]));
  console.log(back.boxed.map((b) => typeof b), back.boxed.map((b) => b.valueOf()));
  console.log(back.cyclic.self === back.cyclic, back.twice[0] === back.twice[1]);
});
worker.on('exit', (code) => console.log('exit', code));

for (const bad of [() => 1, Symbol('s'), { f() {} }, new WeakMap()]) {
  try {
    worker.postMessage(bad);
  } catch (error) {
    console.log(error.name, error.message);
  }
}
