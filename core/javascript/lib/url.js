'use strict';

// require('url'): the WHATWG URL classes and the file URL helpers.
module.exports = require('internal/url');
