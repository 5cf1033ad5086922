// The option key with which events.on() hands each event's first argument alone (readline's
// line iterator uses it).
//
// Ported from Node.js v20 lib/internal/events/symbols.js; the built-ins come from
// internal/primordials.
// Copyright Node.js contributors. MIT licence: see the notice in util.js.
'use strict';

const {
  Symbol,
} = require('internal/primordials');

const kFirstEventParam = Symbol('kFirstEventParam');

module.exports = {
  kFirstEventParam,
};
