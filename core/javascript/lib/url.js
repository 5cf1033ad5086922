'use strict';

// require('url'): the WHATWG URL classes, the file URL helpers and the legacy
// parse / format / resolve.
const whatwg = require('internal/url');
const legacy = require('internal/url_legacy');

module.exports = { ...legacy, ...whatwg };
