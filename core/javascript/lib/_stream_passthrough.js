// require('_stream_passthrough'): stream.PassThrough under its old name, which older packages still use.
'use strict';

module.exports = require('stream').PassThrough;
