// Node's `assert/strict`: the strict form of `assert`.
'use strict';

module.exports = require('assert').strict;
