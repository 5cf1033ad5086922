// require('sys'): util under its old name, with Node's deprecation warning (printed once,
// when the module first loads).
'use strict';

module.exports = require('util');
process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');
