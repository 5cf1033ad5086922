// vm: an error that code run through vm gets from the program's own function shows the
// program's line before its stack, as Node's displayErrors does.
const vm = require('vm');
try { vm.runInNewContext('f()', { f() { throw new Error('from outside'); } }); } catch (e) { console.log(e.stack.split(__filename).join('FILE').split('\n').slice(0, 5).join('|')); }
try { vm.runInNewContext('f()', { f() { null.x; } }); } catch (e) { console.log(e.stack.split(__filename).join('FILE').split('\n').slice(0, 5).join('|')); }
