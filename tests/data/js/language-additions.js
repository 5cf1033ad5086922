const a = [3, 1, 2, 5, 4];
console.log(a.findLast(x => x % 2 === 0), a.findLastIndex(x => x > 10), a.toSorted(), a.toSorted((x, y) => y - x), a.toReversed(), a.with(-1, 9), a.toSpliced(1, 2, 'x'), a.toSpliced(2), a);
console.log([].toSorted.length, [].with.length, [].toSpliced.length, [].findLast.name, Object.keys(Array.prototype).length);
try { a.with(10, 1); } catch (e) { console.log(e.name, e.message); }
const t = new Uint8Array([3, 1, 2]); console.log(t.toSorted(), t.toReversed(), t.with(0, 7), t.findLast(x => x < 3), t);
console.log('ab\uD800'.isWellFormed(), 'ab'.isWellFormed(), JSON.stringify('a\uDC00b'.toWellFormed()));
class HttpError extends Error {
  constructor(status, message) { super(message); this.name = 'HttpError'; this.status = status; Error.captureStackTrace(this, HttpError); }
}
function fail() { throw new HttpError(404, 'Not found'); }
try { fail(); } catch (e) { console.log(e.stack.split('\n').slice(0, 2).join('\n').replace(__dirname, '.'), e.status, e instanceof HttpError); console.log(Object.keys(e)); }
const o = { message: 'hi' }; Error.captureStackTrace(o); console.log(o.stack.split('\n')[0], typeof o.stack, Object.keys(o));
console.log(Error.stackTraceLimit);
function deep(n) { if (n === 0) throw new Error('deep'); deep(n - 1); }
try { deep(30); } catch (e) { console.log(e.stack.split('\n').length); }
Error.stackTraceLimit = 2; try { deep(5); } catch (e) { console.log(e.stack.split('\n').length); }
Error.stackTraceLimit = 0; try { deep(5); } catch (e) { console.log(JSON.stringify(e.stack)); }
Error.stackTraceLimit = 10;
console.log(typeof SharedArrayBuffer, typeof Atomics, Atomics.add(new Int32Array(new SharedArrayBuffer(8)), 0, 5));
