// module.builtinModules is Node's whole list and isBuiltin answers for each; every module
// that loopscope runs loads with and without "node:".
const Module = require('module');
console.log(Module.builtinModules.length, Module.builtinModules.join(' '));
console.log(['fs', 'node:fs', 'vm', 'v8', 'console', 'https', 'node:test', 'test', 'sys', 'nope', 'node:nope']
  .map((name) => `${name}=${Module.isBuiltin(name)}`).join(' '));
for (const name of ['console', 'constants', 'diagnostics_channel', 'punycode', 'v8', 'vm', 'module']) {
  const plain = require(name);
  console.log(name, plain === require(`node:${name}`), typeof plain);
}
try {
  require('node:nope');
} catch (error) {
  console.log(error.code, error.message);
}
