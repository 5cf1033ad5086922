// An ES module that requires CommonJS through module.createRequire, and what the module
// built-in says about the built-ins.
import { createRequire, builtinModules, isBuiltin } from 'node:module';
import Module from 'module';

const require = createRequire(import.meta.url);
const path = require('path');
console.log(typeof require, path.basename(import.meta.filename));
console.log(isBuiltin('fs'), isBuiltin('node:fs'), isBuiltin('fs/promises'), isBuiltin('express'), isBuiltin(42));
console.log(['fs', 'http', 'path', 'worker_threads'].every((name) => builtinModules.includes(name)));
console.log(Module.createRequire === createRequire, typeof Module);
try {
  createRequire('relative/file.js');
} catch (error) {
  console.log(error.code);
}
try {
  require('./no-such-file.js');
} catch (error) {
  console.log(error.code);
}
