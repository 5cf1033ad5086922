// fs.promises rejections carry Node's async frames (lib/internal/fs/promises.js).
const fsp = require('fs').promises;

async function main() {
  for (const [title, call] of [
    ['readFile', () => fsp.readFile('/nonexistent/a')],
    ['readFile of a directory', () => fsp.readFile('/')],
    ['writeFile', () => fsp.writeFile('/nonexistent/a/b', 'x')],
    ['stat', () => fsp.stat('/nonexistent/a')],
    ['readdir', () => fsp.readdir('/nonexistent/a')],
    ['mkdir', () => fsp.mkdir('/')],
    ['unlink', () => fsp.unlink('/nonexistent/a')],
    ['access', () => fsp.access('/nonexistent/a')],
  ]) {
    try {
      await call();
    } catch (error) {
      console.log(`-- ${title}`);
      console.log(error.stack.split(__dirname).join('.'));
    }
  }
  try {
    await fsp.open('/nonexistent/z');
  } catch (error) {
    console.log(require('util').inspect(error).split(__dirname).join('.'));
  }
}

main();
