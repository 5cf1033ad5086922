// util.styleText(format, text[, { validateStream, stream }]) as Node 20.20 behaves: a
// format name (or an array of them) from util.inspect.colors; a single name colours only
// when the stream would show colours (here: FORCE_COLOR set, as process.stdout is not a
// terminal), an array always does, as Node 20's does.
'use strict';

const util = require('util');
const { validateBoolean, validateString } = util[Symbol.for('loopscope.util.internals')];
const { invalidArgValueError } = require('internal/errors');

function wouldColour(stream) {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined)
    return !['0', 'false'].includes(force);
  return Boolean(stream?.isTTY);
}

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');
  const formats = Array.isArray(format) ? format : [format];
  let open = '';
  let close = '';
  for (const key of formats) {
    const codes = Object.prototype.hasOwnProperty.call(util.inspect.colors, key) ? util.inspect.colors[key] : undefined;
    if (codes === undefined) {
      const names = Object.keys(util.inspect.colors).map((name) => `'${name}'`).join(', ');
      throw invalidArgValueError('format', key, `must be one of: ${names}`);
    }
    open += `\u001b[${codes[0]}m`;
    close = `\u001b[${codes[1]}m${close}`;
  }
  if (!Array.isArray(format) && validateStream && !wouldColour(stream))
    return text;
  return `${open}${text}${close}`;
}

module.exports = { styleText };
