// `require('process')` / `import process from 'node:process'`: the global process object.
'use strict';

module.exports = process;
