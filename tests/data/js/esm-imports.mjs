import { readFileSync } from 'fs';
import path from 'node:path';
import * as util from 'util';
import { helper, counter } from './modules/esm-helper.mjs';
import math from './modules/math.js';
import { add } from './modules/math.js';
console.log(helper('x'), counter, math.add(1, 2), add(3, 4));
console.log(path.basename(import.meta.url), typeof import.meta.dirname, typeof util.inspect);
console.log(readFileSync(path.join(import.meta.dirname, 'modules', 'data.json'), 'utf8').trim());
