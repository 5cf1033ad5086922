const util = require('util');
const fs = require('fs');
const path = require('path');
const os = require('os');
const readFile = util.promisify(fs.readFile);
const writeFile = util.promisify(fs.writeFile);
const stat = util.promisify(fs.stat);
const exists = util.promisify(fs.exists);
(async () => {
  const f = path.join(os.tmpdir(), `p-${process.pid}.json`);
  await writeFile(f, JSON.stringify({ a: 1 }));
  console.log(JSON.parse(await readFile(f, 'utf8')), (await stat(f)).size, await exists(f));
  const cb = util.callbackify(async (x) => { if (x) throw new Error('bad ' + x); return 'ok'; });
  cb(0, (err, v) => console.log('callbackify', err, v));
  cb(1, (err) => console.log('callbackify error', err.message));
  try { await readFile(f + '.nope'); } catch (e) { console.log(e.code, e.syscall, path.extname(e.path)); }
  fs.unlinkSync(f);
  console.log(util.types.isPromise(readFile(__filename)), util.inspect(Promise.resolve(5)), util.format('%s=%d %j', 'x', 42, { y: 1 }));
  const deprecated = util.deprecate(() => 'old', 'do not use', 'DEP_X');
  console.log(deprecated());
})();
