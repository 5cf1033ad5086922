// vm: an error thrown out of vm code shows the code's line first, as Node's displayErrors
// does; a SyntaxError is thrown by new vm.Script; a runaway script stops at its timeout.
const vm = require('vm');

function show(run) {
  try {
    console.log(run());
  } catch (error) {
    // The frames of the vm code; Node's own and this file's are left out.
    const lines = typeof error.stack === 'string' ? error.stack.split('\n') : [];
    const end = lines.findIndex((line) => line.includes('node:') || line.includes(__filename));
    const stack = end === -1 ? lines : lines.slice(0, end);
    console.log(error instanceof Error, error.name, error.message, error.code);
    console.log(stack);
  }
}

show(() => vm.runInNewContext('1;\n  throw new TypeError("bad")'));
show(() => vm.runInNewContext('nope + 1'));
show(() => vm.runInNewContext('x.y', { x: undefined }, 'file.vm'));
show(() => vm.runInNewContext('(function g() { null.f(); })()', {}, { filename: 'quiet.vm', displayErrors: false }));
show(() => vm.runInNewContext('throw 5'));
show(() => new vm.Script('let let = 1', { filename: 'syntax.vm' }));
show(() => new vm.Script('a b'));
show(() => vm.runInNewContext('while (true) {}', {}, { timeout: 50 }));
show(() => vm.runInThisContext('for (;;) {}', { timeout: 20 }));
show(() => vm.runInNewContext('let i = 0; while (i < 1e5) i++; i', {}, { timeout: 5000 }));
show(() => vm.runInNewContext('try { while (true) {} } catch (e) { "caught inside" } finally { "finally" }', {}, { timeout: 30 }));
setTimeout(() => console.log('the loop goes on'), 1);
