const fs = require('fs'); const path = require('path'); const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyn-'));
fs.writeFileSync(path.join(dir, 'm.mjs'), "export const x = 42; export default function hi() { return 'hi'; } console.log('m evaluated');");
fs.writeFileSync(path.join(dir, 'bad.mjs'), "throw new Error('bad module');");
(async () => {
  const m = await import(path.join(dir, 'm.mjs'));
  console.log(m.x, m.default(), Object.keys(m));
  const again = await import('file://' + path.join(dir, 'm.mjs'));
  console.log(again === m);
  const { createHash } = await import('node:crypto');
  console.log(typeof createHash);
  try { await import(path.join(dir, 'bad.mjs')); } catch (e) { console.log('caught', e.message); }
  try { await import('./nope.mjs'); } catch (e) { console.log('caught', e.code); }
  try { await import('left-pad'); } catch (e) { console.log('caught', e.code); }
  fs.rmSync(dir, { recursive: true });
})();
