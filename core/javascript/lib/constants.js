// require('constants') (deprecated, still there): os.constants' dlopen, errno, priority and
// signals, fs.constants and crypto.constants in one frozen object, as Node merges them.
'use strict';

const os = require('os');

module.exports = Object.freeze(Object.assign({}, os.constants.dlopen, os.constants.errno, os.constants.priority,
                                             os.constants.signals, require('fs').constants,
                                             require('internal/crypto/keys').constants));
