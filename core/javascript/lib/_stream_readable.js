// require('_stream_readable'): stream.Readable under its old name, which older packages still use.
'use strict';

module.exports = require('stream').Readable;
