// Node's internal util/types: the same checks as require('util').types.
'use strict';

module.exports = require('util').types;
