// fs.watch: a watcher on a file sees the program append to it, one on a folder sees a file
// made in it ('rename' when it appears, 'change' when written); 'close' comes after close(); a
// missing path throws; a watcher that is not persistent does not keep the program running.
// Each step waits for the event before the next, so the output does not depend on timing.
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-watch-'));
const file = path.join(dir, 'watched.txt');
fs.writeFileSync(file, 'start');

try {
  fs.watch(path.join(dir, 'missing'));
} catch (error) {
  console.log(error.code, error.syscall, error.message.replace(dir, '<dir>'));
}
fs.watch(dir, { persistent: false });

const fileWatcher = fs.watch(file, (eventType, filename) => {
  console.log('file watcher:', eventType, filename);
  fileWatcher.close();
});
console.log(fileWatcher.constructor.name, typeof fileWatcher.ref, typeof fileWatcher.unref);
fileWatcher.on('close', () => {
  console.log('file watcher closed');
  const seen = [];
  const folderWatcher = fs.watch(dir);
  folderWatcher.on('change', (eventType, filename) => {
    seen.push(`${eventType} ${filename}`);
    if (eventType === 'change' && filename === 'new.txt') {
      folderWatcher.close();
      console.log('folder watcher:', seen.join(', '));
      fs.rmSync(dir, { recursive: true });
    }
  });
  fs.writeFileSync(path.join(dir, 'new.txt'), 'x');
});
fs.appendFileSync(file, ' more');
