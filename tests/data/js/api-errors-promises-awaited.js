// An fs.promises rejection awaited by the program's async functions: below Node's frames
// (lib/internal/fs/promises.js) come the program's functions that awaited it.
const fsp = require('fs').promises;

async function readConfig(file) {
  const text = await fsp.readFile(file, 'utf8');
  return JSON.parse(text);
}

async function main() {
  try {
    await fsp.readFile('/nonexistent/a');
  } catch (error) {
    console.log(error.stack.split(__dirname).join('.'));
  }
  try {
    await readConfig('/nonexistent/config.json');
  } catch (error) {
    console.log(error.stack.split(__dirname).join('.'));
  }
  try {
    await fsp.mkdir('/');
  } catch (error) {
    console.log(require('util').inspect(error).split(__dirname).join('.'));
  }
}

main();
