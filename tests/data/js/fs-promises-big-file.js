const fs = require('fs/promises');
const path = require('path');
(async () => {
  const data = await fs.readFile(path.join(__dirname, 'files', 'big.txt'));
  console.log('big file', data.length, data[0] === 120);
  const text = await fs.readFile(path.join(__dirname, 'files', 'lines.txt'), 'utf8');
  console.log(text.trim().split('\n'));
  try { await fs.stat('/no/such/file'); } catch (e) { console.log('stat failed', e.code); }
})();
