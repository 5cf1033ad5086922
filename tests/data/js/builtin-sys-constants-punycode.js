// Node's older built-ins: sys (util under its old name), constants (os and fs constants in
// one frozen object) and punycode (domain names to ASCII and back).
const sys = require('sys');
const util = require('util');
console.log(sys === util, sys === require('node:sys'), typeof sys.inspect);

const constants = require('constants');
const os = require('os');
const fs = require('fs');
console.log(Object.isFrozen(constants), constants.ENOENT, constants.EACCES, constants.SIGINT, constants.SIGTERM);
console.log(constants.O_RDONLY, constants.O_CREAT, constants.S_IFDIR, constants.F_OK, constants.W_OK);
console.log(constants.RTLD_LAZY, constants.PRIORITY_HIGH, constants.COPYFILE_EXCL, constants.O_NONBLOCK);
console.log(Object.keys(os.constants.errno).every((name) => constants[name] === os.constants.errno[name]));
console.log(Object.keys(os.constants.signals).every((name) => constants[name] === os.constants.signals[name]));
console.log(Object.keys(fs.constants).every((name) => constants[name] === fs.constants[name]));
console.log(JSON.stringify(fs.constants));
console.log(Object.keys(constants).slice(0, 6).join(','));

const punycode = require('punycode');
console.log(Object.keys(punycode).join(','), punycode.version);
for (const name of ['mañana', 'bücher', '☃-⌘', '他们为什么不说中文', 'Pročprostěnemluvíčesky', '💩', 'abc', '']) {
  const encoded = punycode.encode(name);
  console.log(JSON.stringify(name), encoded, punycode.decode(encoded) === name);
}
console.log(punycode.toASCII('mañana.com'), punycode.toASCII('user@bücher.example'), punycode.toASCII('ascii.org'));
console.log(punycode.toUnicode('xn--maana-pta.com'), punycode.toUnicode('XN--bcher-kva.example'), punycode.toUnicode('plain'));
console.log(punycode.toASCII('a\u3002b\uFF0Ec'), punycode.ucs2.decode('💩a'), punycode.ucs2.encode([0x1F4A9, 97]));
for (const bad of ['ab\x80-', 'xn--', 'zz-99999999999']) {
  try {
    console.log(punycode.decode(bad));
  } catch (error) {
    console.log(error.name, error.message);
  }
}
console.log(Object.keys(constants).length, Object.keys(constants).join(','));
console.log(JSON.stringify(require('crypto').constants));
