// What Node's lib/internal/util/inspect.js gives readline: inspect and the display width
// of a string, from util.js.
'use strict';

const util = require('util');
const { getStringWidth } = util[Symbol.for('loopscope.util.internals')];

module.exports = {
  inspect: util.inspect,
  getStringWidth,
  stripVTControlCharacters: util.stripVTControlCharacters,
};
