// new console.Console writes to the streams it is given, formatted as the global console,
// with its own group indentation, counts and timers; the console module is the global one.
const consoleModule = require('console');
const { Console } = require('node:console');
const { Writable } = require('stream');
const fs = require('fs');
const os = require('os');
const path = require('path');

console.log(consoleModule === console, typeof Console, Console.name, Console.length);
console.log(console instanceof Console, {} instanceof Console, Object.keys(console).join(','));

const chunks = [];
const collector = new Writable({
  write(chunk, encoding, callback) {
    chunks.push(chunk.toString());
    callback();
  },
});
const mine = new Console(collector);
mine.log('a %d %s', 5, 'five', { x: [1, 2] });
mine.error('to the same stream');
mine.group('Group');
mine.info('inside');
mine.group();
mine.warn('deeper\ntwo lines');
mine.groupEnd();
mine.groupEnd();
mine.groupEnd();
mine.count();
mine.count('named');
mine.count();
mine.countReset();
mine.count();
mine.assert(true, 'never');
mine.assert(false, 'failed %s', 'here');
mine.assert(false, { an: 'object' });
mine.assert(false);
mine.table([{ a: 1, b: 'x' }, { a: 2 }]);
mine.table(5);
mine.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
mine.dirxml([1, 2], 'three');
mine.debug(new Map([[1, { deep: [1, 2, 3] }]]));
console.log(mine instanceof Console, Object.keys(mine).join(','));
console.log(JSON.stringify(chunks, null, 1));

// Without `new`, with options, and stdout for both.
chunks.length = 0;
const outOnly = [];
const toStdout = new Writable({ write(chunk, encoding, callback) { outOnly.push(`${chunk}`); callback(); } });
const byOptions = Console({ stdout: collector, stderr: toStdout, groupIndentation: 4, inspectOptions: { depth: 0 } });
byOptions.group('four');
byOptions.log({ a: { b: 1 } });
byOptions.error('error stream');
console.log(JSON.stringify(chunks), JSON.stringify(outOnly));

for (const make of [() => new Console(), () => new Console({}), () => new Console({ stdout: collector, stderr: {} }),
  () => new Console({ stdout: collector, groupIndentation: 1001 }),
  () => new Console({ stdout: collector, groupIndentation: '2' }),
  () => new Console({ stdout: collector, colorMode: 'sometimes' })]) {
  try {
    make();
  } catch (error) {
    console.log(error.name, error.code, error.message);
  }
}

// A file stream: the lines arrive in the file once it is closed.
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'console-')), 'log.txt');
const stream = fs.createWriteStream(file);
const toFile = new Console({ stdout: stream });
toFile.log('first line');
toFile.table([[1, 2]]);
toFile.error('error line');
stream.end(() => {
  console.log(fs.readFileSync(file, 'utf8'));
  fs.rmSync(path.dirname(file), { recursive: true });
});
