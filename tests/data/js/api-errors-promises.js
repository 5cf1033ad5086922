// fs.promises rejections carry Node's async frames (lib/internal/fs/promises.js).
const fsp = require('fs').promises;

const calls = [
  ['readFile', () => fsp.readFile('/nonexistent/a')],
  ['readFile of a directory', () => fsp.readFile('/')],
  ['writeFile', () => fsp.writeFile('/nonexistent/a/b', 'x')],
  ['appendFile', () => fsp.appendFile('/nonexistent/a/b', 'x')],
  ['stat', () => fsp.stat('/nonexistent/a')],
  ['lstat', () => fsp.lstat('/nonexistent/a')],
  ['readdir', () => fsp.readdir('/nonexistent/a')],
  ['mkdir', () => fsp.mkdir('/')],
  ['unlink', () => fsp.unlink('/nonexistent/a')],
  ['rmdir', () => fsp.rmdir('/nonexistent/a')],
  ['rename', () => fsp.rename('/nonexistent/a', '/nonexistent/b')],
  ['access', () => fsp.access('/nonexistent/a')],
  ['open', () => fsp.open('/nonexistent/a')],
];

// One after the other, from promise callbacks (no async function awaits them).
calls.reduce((previous, [title, call]) => previous.then(() => call().then(
  () => console.log(`-- ${title}: no error`),
  (error) => {
    console.log(`-- ${title}`);
    console.log(error.stack);
  })), Promise.resolve())
  .then(() => fsp.open('/nonexistent/z'))
  .catch((error) => console.log(error));
