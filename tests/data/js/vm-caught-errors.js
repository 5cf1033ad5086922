// vm: the errors of code run through vm, caught, with the code's line and caret that Node
// puts before their stack: syntax errors (at a line offset, at the end of the input),
// engine errors, thrown values that are not errors.
const vm = require('vm');
const show = (f) => { try { console.log(f()); } catch (e) { console.log(e.name + ': ' + e.message, '|', String(e.stack).split('\n').filter((l) => !l.includes('node:') && !l.includes(__filename)).join(' / ')); } };
show(() => new vm.Script('\n\nfoo(', { filename: 'x.js', lineOffset: 10 }));
show(() => vm.runInNewContext('undefinedFunction()'));
show(() => vm.runInNewContext('const o = {}; o.method()'));
show(() => vm.runInNewContext('null.x = 1'));
show(() => vm.runInNewContext('new Array(-1)'));
show(() => vm.runInNewContext('function f() { f() } f()'));
show(() => vm.runInThisContext('throw new Error("from this context")', 'this.vm'));
show(() => vm.runInNewContext('x = ', {}, 'partial.vm'));
show(() => vm.runInNewContext('}', {}));
show(() => vm.runInNewContext('let a = 1; let a = 2'));
show(() => vm.runInNewContext('throw { custom: true }'));
show(() => vm.runInNewContext('throw null'));
show(() => vm.compileFunction('return +', ['a']));
show(() => vm.runInNewContext('a.b.c', { a: {} }));
show(() => new vm.Script('"ok"').runInNewContext());
