const fs = require('fs');
const path = require('path');
const os = require('os');
const f = path.join(os.tmpdir(), 'wf-' + process.pid);
fs.writeFileSync(f, 'a');
fs.watchFile(f, { interval: 20 }, (cur, prev) => {
  console.log('changed', prev.size, '->', cur.size);
  fs.unwatchFile(f);
  fs.unlinkSync(f);
});
setTimeout(() => fs.writeFileSync(f, 'abcdef'), 100);
