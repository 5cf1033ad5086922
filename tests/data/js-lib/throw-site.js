'use strict';
// Runs one statement with Node's own modules or with the library's, and lets
// its error go uncaught: Node then prints where it was thrown ("node:assert:90",
// the source line, a caret). check-lib2.js compares the two reports.
//
//   node throw-site.js <lib dir> node|library <statement>

const fs = require('fs');
const nodePath = require('path');
const vm = require('vm');

const [libDir, which, statement] = process.argv.slice(2);

function makeLoader() {
  const cache = new Map();
  function load(name) {
    if (name === 'internal:binding') return { readFile: (file) => fs.readFileSync(file, 'utf8') };
    if (name === 'timers') return require('timers');
    if (cache.has(name)) return cache.get(name).exports;
    const source = fs.readFileSync(nodePath.join(libDir, `${name}.js`), 'utf8');
    // The wrapper opens on the file's first line, as the engine's does.
    const wrapper = vm.runInThisContext(`(function (exports, require, module) {${source}\n})`, { filename: `node:${name}` });
    const module = { exports: {} };
    cache.set(name, module);
    wrapper.call(module.exports, module.exports, load, module);
    return module.exports;
  }
  return load;
}

const load = which === 'node' ? require : makeLoader();
const buffer = load('buffer');
const { TextDecoder, TextEncoder } = which === 'node' ? globalThis : load('internal/encoding');
// eslint-disable-next-line no-new-func
new Function('assert', 'buffer', 'Buffer', 'TextDecoder', 'TextEncoder', statement)(
  load('assert'), buffer, buffer.Buffer, TextDecoder, TextEncoder);
