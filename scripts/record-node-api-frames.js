#!/usr/bin/env node
// Records, from the installed Node (v20.20.2), where Node's own API throws: for each call
// below, the uncaught error's header (Node's file:line, its source line, the caret) and
// Node's frames above the calling program's. Writes core/javascript/lib/internal/node_api_sites.js,
// the table lib/internal/node_api_frames.js consults.
//
// Usage: node scripts/record-node-api-frames.js   (from the repository's root)
//
// A case is [key, program]: the key is how the library names the throw point
// (`fs.readFileSync:open`: the API function, then what varies Node's frames: the failed
// system call, `utf8` for the calls Node 20 makes in one binding call, an argument's name).
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const missing = '/nonexistent/x';
const pathCalls = {
  accessSync: `accessSync('${missing}')`, chmodSync: `chmodSync('${missing}', 0o644)`,
  copyFileSync: `copyFileSync('${missing}', '/tmp/x')`, linkSync: `linkSync('${missing}', '/nonexistent/y')`,
  lstatSync: `lstatSync('${missing}')`, mkdtempSync: `mkdtempSync('${missing}')`,
  openSync: `openSync('${missing}')`, opendirSync: `opendirSync('${missing}')`,
  readdirSync: `readdirSync('${missing}')`, readlinkSync: `readlinkSync('${missing}')`,
  realpathSync: `realpathSync('${missing}')`, renameSync: `renameSync('${missing}', '/nonexistent/y')`,
  rmdirSync: `rmdirSync('${missing}')`, rmSync: `rmSync('${missing}')`, statSync: `statSync('${missing}')`,
  statfsSync: `statfsSync('${missing}')`, symlinkSync: `symlinkSync('x', '${missing}')`,
  truncateSync: `truncateSync('${missing}')`, unlinkSync: `unlinkSync('${missing}')`,
  utimesSync: `utimesSync('${missing}', 1, 1)`, cpSync: `cpSync('${missing}', '/tmp/y')`,
};
const descriptorCalls = {
  closeSync: 'closeSync(999)', fchmodSync: 'fchmodSync(999, 0o644)', fdatasyncSync: 'fdatasyncSync(999)',
  fstatSync: 'fstatSync(999)', fsyncSync: 'fsyncSync(999)', ftruncateSync: 'ftruncateSync(999)',
  futimesSync: 'futimesSync(999, 1, 1)', readSync: 'readSync(999, Buffer.alloc(1))',
  writeSync: "writeSync(999, 'x')", writevSync: 'writevSync(999, [Buffer.alloc(1)])',
  readvSync: 'readvSync(999, [Buffer.alloc(1)])',
};
// The system call that fails (error.syscall), or another property of the error, which the
// library knows too.
const propertyOf = (program, property) => execFileSync(process.execPath,
  ['-e', `Promise.resolve().then(() => ${program}).catch((e) => process.stdout.write(String(e.${property})))`]).toString();
const syscallOf = (program) => propertyOf(program, 'syscall');

const cases = [];
const fsCase = (name, variant, call) => cases.push([`fs.${name}:${variant}`, `require('fs').${call};`]);
for (const [name, call] of Object.entries({ ...pathCalls, ...descriptorCalls }))
  fsCase(name, syscallOf(`require('fs').${call}`), call);
fsCase('mkdirSync', 'mkdir', "mkdirSync('/tmp')");
fsCase('readFileSync', 'utf8', `readFileSync('${missing}', 'utf8')`);
fsCase('readFileSync', 'open', `readFileSync('${missing}')`);
fsCase('readFileSync', 'read', "readFileSync('/tmp')");
fsCase('writeFileSync', 'utf8', `writeFileSync('${missing}', 'a')`);
fsCase('writeFileSync', 'open', `writeFileSync('${missing}', Buffer.from('a'))`);
fsCase('appendFileSync', 'utf8', `appendFileSync('${missing}', 'a')`);
fsCase('appendFileSync', 'open', `appendFileSync('${missing}', Buffer.from('a'))`);

// fs.promises: the frames are async ones, the header the awaited binding call.
const promiseCalls = {
  access: `access('${missing}')`, appendFile: `appendFile('${missing}', 'a')`, chmod: `chmod('${missing}', 0o644)`,
  copyFile: `copyFile('${missing}', '/tmp/x')`, link: `link('${missing}', '/nonexistent/y')`,
  lstat: `lstat('${missing}')`, mkdir: "mkdir('/tmp')", mkdtemp: `mkdtemp('${missing}')`, open: `open('${missing}')`,
  opendir: `opendir('${missing}')`, readdir: `readdir('${missing}')`, readFile: `readFile('${missing}')`,
  readlink: `readlink('${missing}')`, realpath: `realpath('${missing}')`, rename: `rename('${missing}', '/nonexistent/y')`,
  rm: `rm('${missing}')`, rmdir: `rmdir('${missing}')`, stat: `stat('${missing}')`, statfs: `statfs('${missing}')`,
  symlink: `symlink('x', '${missing}')`, truncate: `truncate('${missing}')`, unlink: `unlink('${missing}')`,
  utimes: `utimes('${missing}', 1, 1)`, writeFile: `writeFile('${missing}', 'a')`,
};
for (const [name, call] of Object.entries(promiseCalls))
  cases.push([`fs.promises.${name}:${syscallOf(`require('fs').promises.${call}`)}`, `require('fs').promises.${call};`]);
cases.push(['fs.promises.readFile:read', "require('fs').promises.readFile('/tmp');"]);

// Where Node throws as it has found what is wrong (lib/internal/errors.js's hideStackFrames
// errors carry the header `node:internal/errors:541`).
cases.push(['events.emit:unhandled', "new (require('events'))().emit('error', new Error('x'));"]);
cases.push(['events.emit:unhandledValue', "new (require('events'))().emit('error', 'x');"]);
cases.push(['modules.require:notFound', "require('nope');"]);
cases.push(['modules.import:module', "import './nope.mjs';", 'mjs']);
cases.push(['modules.import:package', "import 'nopkg';", 'mjs']);

// Errors of argument checks: keyed by the library's module and function that check (as its
// frames name them) and what they checked (the argument's name in the message, else the code).
const checks = [
  ['fs.readFile:path', "require('fs').readFile({}, () => {});"],
  ['timers.setTimeout:callback', "setTimeout('x', 1);"],
  ['timers.setInterval:callback', "setInterval('x', 1);"],
  ['timers.setImmediate:callback', "setImmediate('x');"],
  ['buffer.from:first', 'Buffer.from(5);'],
  ['buffer.alloc:size', 'Buffer.alloc(-1);'],
  ['buffer.allocUnsafe:size', 'Buffer.allocUnsafe(-1);'],
  ['path.join:path', "require('path').join(5);"],
  ['path.resolve:paths[0]', "require('path').resolve(5);"],
  ['path.basename:path', "require('path').basename(5);"],
  ['path.dirname:path', "require('path').dirname(5);"],
  ['path.extname:path', "require('path').extname(5);"],
  ['util.promisify:original', "require('util').promisify(5);"],
  ['internal/globals.nextTick:callback', 'process.nextTick(5);'],
  ['events.on:listener', "new (require('events'))().on('x', 5);"],
  ['events.addListener:listener', "new (require('events'))().addListener('x', 5);"],
  ['events.once:listener', "new (require('events'))().once('x', 5);"],
  ['crypto.pbkdf2Sync:iterations', "require('crypto').pbkdf2Sync('a', 'b', -1, 1, 'sha1');"],
];
cases.push(...checks);

// The callback checks of fs's asynchronous calls.
const callbackChecks = {
  readFile: "'/x'", writeFile: "'/x', 'a'", appendFile: "'/x', 'a'", stat: "'/x'", lstat: "'/x'", fstat: '0',
  readdir: "'/x'", mkdir: "'/x'", unlink: "'/x'", rmdir: "'/x'", rename: "'/x', '/y'", access: "'/x'",
  open: "'/x'", copyFile: "'/x', '/y'", realpath: "'/x'", readlink: "'/x'",
  mkdtemp: "'/x'", symlink: "'/x', '/y'", chmod: "'/x', 0o644", truncate: "'/x'", utimes: "'/x', 1, 1",
};
for (const [name, args] of Object.entries(callbackChecks))
  cases.push([`fs.${name}:cb`, `require('fs').${name}(${args});`]);

// The path checks of fs's calls: a path that is not one.
const pathChecks = ['readFile', 'writeFile', 'appendFile', 'stat', 'lstat', 'readdir', 'mkdir', 'unlink', 'rmdir',
  'access', 'open', 'realpath', 'readlink', 'rm', 'truncate', 'chmod'];
for (const name of pathChecks) {
  if (name !== 'readFile')
    cases.push([`fs.${name}:path`, `require('fs').${name}({}, () => {});`]);
  cases.push([`fs.${name}Sync:path`, `require('fs').${name}Sync({});`]);
}
cases.push(['fs.writeFileSync:data', "require('fs').writeFileSync('/tmp/x', 5);"]);
cases.push(['fs.writeFile:data', "require('fs').writeFile('/tmp/x', 5, () => {});"]);
cases.push(
  ['path.resolve:paths[1]', "require('path').resolve('a', null);"],
  ['path.resolve:paths[2]', "require('path').resolve('a', 'b', null);"],
  ['internal/globals.chdir:directory', 'process.chdir(5);'],
  ['crypto.pbkdf2Sync:keylen', "require('crypto').pbkdf2Sync('a', 'b', 1, -1, 'sha1');"],
  ['crypto.createHash:algorithm', "require('crypto').createHash(5);"],
  ['http.createServer:options', "require('http').createServer(5);"],
  ['net.connect:ERR_SOCKET_BAD_PORT', "require('net').connect(-1);"],
  ['net.createConnection:ERR_SOCKET_BAD_PORT', "require('net').createConnection(-1);"],
);

// Errors the library makes itself where Node's C++ or a `new ERR_X()` throws them.
cases.push(
  ['url.URL:ERR_INVALID_URL', "new URL('bad');"],
  ['crypto.createHash:unsupported', "require('crypto').createHash('nope');"],
  ['process.chdir:chdir', "process.chdir('/nonexistent');"],
  ['http.listen:ERR_SOCKET_BAD_PORT', "require('http').createServer().listen(-5);"],
  ['net.listen:ERR_SOCKET_BAD_PORT', "require('net').createServer().listen(-5);"],
  ['internal/encoding.TextDecoder:ERR_ENCODING_NOT_SUPPORTED', "new TextDecoder('nope');"],
);
for (const name of ['gunzip', 'inflate', 'inflateRaw', 'unzip']) {
  const call = `require('zlib').${name}Sync(Buffer.from('not compressed'))`;
  cases.push([`zlib.${name}Sync:${propertyOf(call, 'code')}`, `${call};`]);
}

function record([key, program, extension = 'js']) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'node-api-'));
  const file = path.join(directory, `main.${extension}`);
  fs.writeFileSync(file, `${program}\n`);
  let stderr = '';
  try {
    execFileSync(process.execPath, [file], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    stderr = error.stderr.toString();
  }
  fs.rmSync(directory, { recursive: true });
  const lines = stderr.split('\n');
  if (!lines[0].startsWith('node:')) {
    // Node does not throw there (it hands the error to a callback, or throws from the program's line).
    console.log(`${key}: not recorded, Node's header is not in its own files: ${lines[0]}`);
    return undefined;
  }
  const frames = [];
  for (const line of lines.slice(4)) {
    if (!line.startsWith('    at '))
      continue;
    if (line.includes(file))
      break;
    frames.push(line.replace(/ \{$/, ''));
  }
  return [key, { header: lines.slice(0, 3), frames }];
}

const table = Object.fromEntries(cases.map(record).filter(Boolean));
const out = `// Where Node 20.20.2's own API throws: the uncaught error's header and Node's frames above
// the program's, per throw point. Recorded from Node by scripts/record-node-api-frames.js:
// do not edit by hand.
'use strict';

module.exports = {
${Object.entries(table).map(([key, site]) => `  ${JSON.stringify(key)}: ${JSON.stringify(site)},\n`).join('')}};
`;
fs.writeFileSync(path.join(__dirname, '..', 'core/javascript/lib/internal/node_api_sites.js'), out);
console.log(`${Object.keys(table).length} throw points recorded`);
