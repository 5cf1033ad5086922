// What a program's command line gives it: process.argv (its path, then its own arguments)
// and util.parseArgs over them.
const path = require('path');
const { parseArgs } = require('util');

console.log('argv:', [path.basename(process.argv[1]), ...process.argv.slice(2)].join(' '));
const { values, positionals } = parseArgs({
  options: { name: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } },
  allowPositionals: true,
});
console.log('values:', JSON.stringify(values), 'positionals:', JSON.stringify(positionals));
