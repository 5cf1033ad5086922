const fs = require('fs');
const readline = require('readline');
const path = require('path');
const os = require('os');
const { Transform } = require('stream');
const file = path.join(os.tmpdir(), `wc-${process.pid}.txt`);
fs.writeFileSync(file, `The cat sat on the mat.\nThe dog sat too!\n\nA cat, a dog; the end.\n`);
const upper = new Transform({
  transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); },
});
const rl = readline.createInterface({ input: fs.createReadStream(file).pipe(upper), crlfDelay: Infinity });
const counts = new Map();
let lines = 0;
rl.on('line', (line) => {
  lines++;
  for (const w of line.toLowerCase().match(/[a-z]+/g) || []) counts.set(w, (counts.get(w) || 0) + 1);
});
rl.on('close', () => {
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 4);
  console.log({ lines, distinct: counts.size });
  console.table(top.map(([word, n]) => ({ word, n })));
  fs.unlinkSync(file);
  process.exitCode = top.length === 4 ? 0 : 2;
});
