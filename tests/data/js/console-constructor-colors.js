// A Console's colours: colorMode true colours what it inspects, false and 'auto' on a
// stream that is no terminal do not; inspectOptions with colorMode is an error.
const { Console } = require('console');
const { PassThrough } = require('stream');
const out = new PassThrough();
let text = '';
out.on('data', (d) => { text += d; });
const colored = new Console({ stdout: out, colorMode: true });
colored.log({ a: 1, s: 'x', n: null, u: undefined, b: true }, [1n], Symbol('s'));
colored.log('%s and %o', 'str', { k: 'v' });
const plain = new Console({ stdout: out, colorMode: false, inspectOptions: { compact: false } });
plain.log({ a: [1] });
const errs = new Console(out, out, false);
errs.error(new Error('inline').message);
setImmediate(() => console.log(JSON.stringify(text)));
try { new Console({ stdout: out, colorMode: true, inspectOptions: { colors: false } }); } catch (e) { console.log(e.code, e.message); }
