const fs = require('fs');
const path = require('path');
const file = path.join('/tmp', `loopscope-corpus-${process.pid}.txt`);
fs.writeFile(file, 'first\n', (err) => {
  if (err) throw err;
  fs.appendFile(file, 'second\n', () => {
    console.log(JSON.stringify(fs.readFileSync(file, 'utf8')));
    fs.unlink(file, (e) => console.log('unlinked', e, fs.existsSync(file)));
  });
});
fs.writeFileSync(file + '.sync', Buffer.from([104, 105]));
console.log(fs.readFileSync(file + '.sync', 'utf8'));
fs.unlinkSync(file + '.sync');
