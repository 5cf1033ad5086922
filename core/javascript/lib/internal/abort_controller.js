// lib/internal/abort_controller.js's exports, from the globals' module.
'use strict';

const { AbortController, AbortSignal } = require('internal/abort');

module.exports = { AbortController, AbortSignal };
