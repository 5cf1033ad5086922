const fs = require('fs');
const path = require('path');
const file = path.join(__dirname, 'files', 'lines.txt');
console.log(fs.readFileSync(file, 'utf8').split('\n').length, fs.existsSync(file), fs.existsSync(file + '.nope'));
try { fs.readFileSync('/definitely/not/here'); } catch (e) { console.log(e.message); }
fs.readFile(file, 'utf8', (err, text) => {
  console.log('async read', err, text.split('\n')[1]);
  fs.stat(file, (e, stats) => {
    console.log('stat', stats.isFile(), stats.isDirectory(), stats.size);
    fs.readdir(path.join(__dirname, 'files'), (error, names) => {
      console.log('readdir', names.sort());
      fs.readFile(path.join(__dirname, 'files', 'missing.txt'), (missing) => console.log(missing.code, missing.syscall, missing.errno));
    });
  });
});
