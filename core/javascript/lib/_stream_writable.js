// require('_stream_writable'): stream.Writable under its old name, which older packages still use.
'use strict';

module.exports = require('stream').Writable;
