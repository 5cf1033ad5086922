// What a program sees of the errors the engine raises: V8's words in the stack (what
// console.log(err) and an uncaught error print) and in JSON's messages.
const header = (error) => error.stack.split('\n')[0];
const engineErrors = [
  () => null.foo, () => undefined.foo(), () => { let arr; arr.push(1); }, () => ({}).x.y.z,
  () => { const n = null; n.length; }, () => { const z = 1; z = 2; }, () => { tdz; let tdz = 1; },
  () => { [].reduce((a, b) => a); }, () => new Array(-1), () => Symbol() + '', () => decodeURIComponent('%'),
  () => BigInt(1.5), () => { class B extends Object { constructor() { this.a = 1; } } new B(); },
  () => { for (const x of {}) ; }, () => 1n + 1, () => { function f() { f(); } f(); },
  () => { const o = {}; o.method(); }, () => { missing(); },
];
for (const raise of engineErrors) {
  try {
    raise();
  } catch (error) {
    console.log(header(error));
  }
}
const texts = ['', '{bad', '{"a":1,}', 'abc', '{"a":1}x', '[1, 2', '{"a" 1}', '"open', '[-]', 'undefined',
  '{"user": {"name": "Ann", "age": 31}, "tags": [1, 2, oops]}', '<!DOCTYPE html><html><body>Not JSON</body></html>'];
for (const text of texts) {
  try {
    JSON.parse(text);
  } catch (error) {
    console.log(`${error.name}: ${error.message}`);
  }
}
try {
  JSON.stringify({ big: 10n });
} catch (error) {
  console.log(error.message);
}
console.log(JSON.parse('{"ok":[1,{"x":null}]}', (key, value) => (key === 'x' ? 'revived' : value)));
console.log(JSON.stringify({ a: [1, 2] }, null, 2));
const reading = { nested: undefined };
setTimeout(() => console.log(reading.nested.deeper), 1);
