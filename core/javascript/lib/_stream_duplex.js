// require('_stream_duplex'): stream.Duplex under its old name, which older packages still use.
'use strict';

module.exports = require('stream').Duplex;
