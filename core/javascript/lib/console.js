// require('console'): the global console itself (as the program started with it), with its
// Console class.
'use strict';

module.exports = require('internal/globals').console;
