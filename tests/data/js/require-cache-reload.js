// require.cache: the program's loaded files by name (its own entry first); deleting an entry
// loads the file again. module.paths lists the node_modules folders Node would search.
const fs = require('fs');
const os = require('os');
const path = require('path');

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'require-cache-'));
const counter = path.join(folder, 'counter.js');
fs.writeFileSync(counter, 'exports.loadedAt = ++globalThis.loads;\nconsole.log("counter.js runs", module.loaded, module.parent === require.main);\n');
fs.writeFileSync(path.join(folder, 'settings.json'), '{"mode": "fast"}');
globalThis.loads = 0;

const relative = (file) => (file.startsWith(folder) ? `<tmp>${file.slice(folder.length)}` : path.relative(__dirname, file));
console.log(require(counter).loadedAt, require(counter).loadedAt);
console.log(require(path.join(folder, 'settings.json')));
console.log(Object.keys(require.cache).map(relative));
console.log(require.cache[counter].exports, require.cache[__filename] === module);
delete require.cache[counter];
console.log('after delete:', require(counter).loadedAt, Object.keys(require.cache).length);
console.log(module.paths[0] === path.join(__dirname, 'node_modules'), module.paths.at(-1), module.paths.length === __dirname.split('/').length);
console.log(Object.keys(require.extensions), typeof require.extensions['.js']);
fs.rmSync(folder, { recursive: true });
