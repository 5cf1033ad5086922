// fs.opendir and its Dir: readSync until null, read with a promise and a callback, for await
// (which closes the Dir), bufferSize, close twice, a missing folder; names sorted, as a
// directory's own order is the file system's.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-'));
for (const name of ['b.txt', 'a.txt', 'c']) name === 'c' ? fs.mkdirSync(path.join(dir, name)) : fs.writeFileSync(path.join(dir, name), name);
const d = fs.opendirSync(dir);
console.log(d.path === dir, typeof d.read, typeof d[Symbol.asyncIterator]);
const first = d.readSync();
console.log(first.constructor.name, Object.keys(first), first.path === dir);
const names = [first.name];
let e;
while ((e = d.readSync()) !== null) names.push(`${e.name}:${e.isDirectory()}`);
console.log(names.map((n) => n.replace(/:.*/, '')).sort(), names.length);
d.closeSync();
try { d.closeSync(); } catch (x) { console.log(x.code, x.message); }
fs.opendir('/nope', (err) => console.log(err.code, err.message));
(async () => {
  const found = [];
  for await (const entry of await fs.promises.opendir(dir, { bufferSize: 1 })) found.push(entry.name);
  console.log('async', found.sort());
  const d2 = await fs.promises.opendir(dir);
  const one = await d2.read();
  await d2.close();
  try { await d2.read(); } catch (x) { console.log('after close', x.code); }
  fs.opendir(dir, (err, d3) => d3.read((err2, ent) => { console.log('callback read', err2, typeof ent.name); d3.close((err3) => { console.log('closed', err3); fs.rmSync(dir, { recursive: true }); }); }));
})();
