// Errors thrown inside Node's API, caught and printed: their stacks show Node's frames
// (the API function, its binding call) above the program's, as console.log shows them too.
const fs = require('fs');
const path = require('path');

function show(title, action) {
  try {
    action();
  } catch (error) {
    console.log(`-- ${title}`);
    console.log(error.stack.split(__dirname).join('.'));
    console.log(Object.keys(error).join(','));
  }
}

show('readFileSync utf8', () => fs.readFileSync('/nonexistent/a.txt', 'utf8'));
show('readFileSync buffer', () => fs.readFileSync('/nonexistent/a.txt'));
show('readFileSync directory', () => fs.readFileSync('/'));
show('writeFileSync', () => fs.writeFileSync('/nonexistent/b.txt', 'text'));
show('appendFileSync', () => fs.appendFileSync('/nonexistent/b.txt', Buffer.from('x')));
show('statSync', () => fs.statSync('/nonexistent/c'));
show('lstatSync', () => fs.lstatSync('/nonexistent/c'));
show('readdirSync', () => fs.readdirSync('/nonexistent/d'));
show('mkdirSync', () => fs.mkdirSync(__dirname));
show('unlinkSync', () => fs.unlinkSync('/nonexistent/e'));
show('openSync', () => fs.openSync('/nonexistent/f', 'r'));
show('accessSync', () => fs.accessSync('/nonexistent/g'));
show('renameSync', () => fs.renameSync('/nonexistent/h', '/nonexistent/i'));
show('rmdirSync', () => fs.rmdirSync('/nonexistent/j'));
show('closeSync', () => fs.closeSync(987));
show('fstatSync', () => fs.fstatSync(987));
show('readFile without a callback', () => fs.readFile('/nonexistent/l'));
show('setTimeout with a string', () => setTimeout('code', 1));
show('Buffer.alloc(-1)', () => Buffer.alloc(-1));
show('Buffer.from(5)', () => Buffer.from(5));
show('path.join(5)', () => path.join('a', 5));
show('new URL', () => new URL('not a url'));
show('require of a missing module', () => require('./no-such-module'));
show('process.nextTick(5)', () => process.nextTick(5));
show('util.promisify(5)', () => require('util').promisify(5));
show('createHash', () => require('crypto').createHash('nope'));
show('gunzipSync', () => require('zlib').gunzipSync(Buffer.from('plain text')));
show('listen(-5)', () => require('http').createServer().listen(-5));
show('createServer(5)', () => require('http').createServer(5));
show('net.connect(-1)', () => require('net').connect(-1));
show('fs.stat without a callback', () => fs.stat('/nonexistent/n'));
show('fs.writeFile without a callback', () => fs.writeFile('/nonexistent/n', 'x'));
show('path.resolve with null', () => path.resolve('a', null));
show('process.chdir(5)', () => process.chdir(5));
show('setImmediate without a function', () => setImmediate(null));
show('statSync(null)', () => fs.statSync(null));
show('readdirSync(5)', () => fs.readdirSync(5));
show('writeFileSync of a number', () => fs.writeFileSync('/nonexistent/p', 5));
show('fs.mkdir of an object', () => fs.mkdir({}, () => {}));

const nested = () => fs.statSync('/nonexistent/deeper');
show('from a nested function', () => nested());

try {
  fs.readFileSync('/nonexistent/m');
} catch (error) {
  console.log(require('util').inspect(error).split(__dirname).join('.'));
}
