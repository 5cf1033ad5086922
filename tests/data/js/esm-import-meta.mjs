// import.meta in an ES module: its keys in Node's order, url, filename, dirname, and
// resolve() for a file (there or not), a query and hash, and built-in modules.
import path from 'node:path';

const here = (text) => text.replace(path.dirname(import.meta.filename), '.');
console.log(Object.keys(import.meta));
console.log(here(import.meta.url), here(import.meta.filename), import.meta.dirname === path.dirname(import.meta.filename));
console.log(here(import.meta.resolve('./esm-order.mjs')), here(import.meta.resolve('./not-there.mjs')));
console.log(here(import.meta.resolve('../js/esm-order.mjs?x=1#h')));
console.log(import.meta.resolve('fs'), import.meta.resolve('node:path'), import.meta.resolve('fs/promises'));
