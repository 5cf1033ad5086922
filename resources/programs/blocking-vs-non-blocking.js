// readFileSync blocks the main thread for the whole read; readFile leaves it free while
// the pool reads (open, fstat, read in 512 KiB chunks, close). The file is made first.
const fs = require('fs');
const path = require('path');
const os = require('os');

const file = path.join(os.tmpdir(), `loopscope-large-${process.pid}.txt`);
fs.writeFileSync(file, 'x'.repeat(8 * 1024 * 1024));

console.log('readFileSync: the main thread waits');
const data = fs.readFileSync(file);
console.log(`read ${data.length} bytes synchronously`);

console.log('readFile: the main thread goes on');
fs.readFile(file, (error, contents) => {
  console.log(`read ${contents.length} bytes on the pool`);
  fs.unlinkSync(file);
});
const timer = setInterval(() => console.log('the loop is free meanwhile'), 5);
setTimeout(() => clearInterval(timer), 12);
