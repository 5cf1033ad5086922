// require('_stream_transform'): stream.Transform under its old name, which older packages still use.
'use strict';

module.exports = require('stream').Transform;
