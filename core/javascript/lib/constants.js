// require('constants') (deprecated, still there): os.constants' dlopen, errno, priority and
// signals, fs.constants and crypto.constants in one frozen object, as Node merges them from
// its binding's tables (crypto's defaultCipherList is added to crypto.constants later, by
// the crypto module, so it is not here).
'use strict';

const os = require('os');
const { defaultCipherList, ...cryptoConstants } = require('internal/crypto/keys').constants;

module.exports = Object.freeze(Object.assign({}, os.constants.dlopen, os.constants.errno, os.constants.priority,
                                             os.constants.signals, require('fs').constants, cryptoConstants));
