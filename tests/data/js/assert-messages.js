const assert = require('assert');
const tries = [
  () => assert.strictEqual(1, 2),
  () => assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] }),
  () => assert.equal('a', 'b', 'custom message'),
  () => assert.notStrictEqual(3, 3),
  () => assert.throws(() => {}),
  () => assert.throws(() => { throw new TypeError('wrong'); }, RangeError),
  () => assert(false, 'with assert()'),
  () => assert.match('abc', /x/),
  () => assert.fail('boom'),
];
for (const attempt of tries) {
  try { attempt(); console.log('passed'); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
}
assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 2]]));
assert.rejects(Promise.reject(new Error('r')), /r/).then(() => console.log('rejects ok'));
console.log('done');
