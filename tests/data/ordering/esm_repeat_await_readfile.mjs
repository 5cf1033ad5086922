import fs from 'fs';
import { fileURLToPath } from 'url';
import { promisify } from 'util';

const readFile = promisify(fs.readFile);
const self = fileURLToPath(import.meta.url);

process.nextTick(() => {
  console.log('tick');
});
for (let i = 1; i <= 3; i++) {
  console.log(`read ${i}`);
  await readFile(self);
  console.log(`got ${i}`);
  setImmediate(() => {
    console.log(`immediate ${i}`);
  });
}
console.log('done');
