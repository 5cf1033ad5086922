// A .js main file with import statements and top-level await, and no package.json "type":
// Node 20 reads it as CommonJS, finds module syntax, and runs it as an ES module.
import { answer } from './modules/detected-esm.js';
import greet from './modules/detected-esm.js';
import path from 'node:path';

console.log(answer, greet('module'), typeof require, typeof module, typeof __filename);
console.log(path.basename(new URL(import.meta.url).pathname));
const value = await new Promise((resolve) => setTimeout(resolve, 5, 'after top-level await'));
console.log(value);
