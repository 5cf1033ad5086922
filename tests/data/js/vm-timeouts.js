// vm's timeout: a runaway script stops with Node's error and the context stays usable; an
// inner timeout inside an outer one; runInThisContext's timeout.
const vm = require('vm');
const ctx = vm.createContext({ n: 0 });
try { vm.runInContext('while (true) n++', ctx, { timeout: 20 }); } catch (e) { console.log(e.code, e.message); }
console.log(ctx.n > 0, vm.runInContext('n = 1; n + 1', ctx));
const start = Date.now();
try { vm.runInNewContext('for(;;){}', {}, { timeout: 100, breakOnSigint: true }); } catch (e) { console.log(e.message); }
const took = Date.now() - start; console.log(took >= 90 && took < 2000);
try {
  vm.runInNewContext('inner()', { inner: () => vm.runInNewContext('while(true){}', {}, { timeout: 10 }) }, { timeout: 1000 });
} catch (e) { console.log('outer got', e.message); }
try { new vm.Script('while(true){}').runInThisContext({ timeout: 15 }); } catch (e) { console.log(e instanceof Error, e.message); }
console.log(vm.runInNewContext('1 + 1', {}, { timeout: 1000 }));
setTimeout(() => console.log('still running'), 0);
