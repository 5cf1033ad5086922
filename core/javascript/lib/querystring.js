// Node's legacy `querystring`: parse and stringify `a=1&b=x%20y`, with Node's rules (a
// repeated key becomes an array, `+` is a space, a bad escape is kept as written, at most
// 1000 keys unless options.maxKeys says otherwise; the parsed object has no prototype).
'use strict';

const { Buffer } = require('buffer');

// encodeURIComponent leaves exactly the characters Node's escape leaves.
function escape(text) {
  return encodeURIComponent(typeof text === 'string' ? text : `${text}`);
}

// Percent escapes decoded byte by byte where decodeURIComponent refuses the whole text.
function unescapeBuffer(text, decodeSpaces = false) {
  const bytes = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (text[i] === '+' && decodeSpaces) {
      bytes.push(0x20);
    } else {
      bytes.push(...Buffer.from(text[i]));
    }
  }
  return Buffer.from(bytes);
}

function unescape(text, decodeSpaces) {
  try {
    return decodeURIComponent(text);
  } catch {
    return unescapeBuffer(text, decodeSpaces).toString();
  }
}

function stringifyPrimitive(value) {
  if (typeof value === 'string')
    return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint')
    return `${value}`;
  if (typeof value === 'boolean')
    return value ? 'true' : 'false';
  return '';
}

function stringify(object, sep, eq, options) {
  sep ||= '&';
  eq ||= '=';
  const encode = options && typeof options.encodeURIComponent === 'function' ? options.encodeURIComponent : escape;
  if (object === null || typeof object !== 'object')
    return '';
  const fields = [];
  for (const key of Object.keys(object)) {
    const prefix = encode(stringifyPrimitive(key)) + eq;
    const value = object[key];
    for (const each of Array.isArray(value) ? value : [value])
      fields.push(prefix + encode(stringifyPrimitive(each)));
  }
  return fields.join(sep);
}

function parse(text, sep, eq, options) {
  const result = { __proto__: null };
  if (typeof text !== 'string' || text.length === 0)
    return result;
  sep = sep ? `${sep}` : '&';
  eq = eq ? `${eq}` : '=';
  const maxKeys = options && typeof options.maxKeys === 'number' ? options.maxKeys : 1000;
  const decode = options && typeof options.decodeURIComponent === 'function' ? options.decodeURIComponent : unescape;
  const decoded = (part) => {
    const spaced = part.replace(/\+/g, ' ');
    try {
      return decode(spaced);
    } catch {
      return unescape(spaced, true);
    }
  };
  let pairs = text.split(sep);
  if (maxKeys > 0)
    pairs = pairs.slice(0, maxKeys);
  for (const pair of pairs) {
    if (pair.length === 0)
      continue;
    const at = pair.indexOf(eq);
    const key = decoded(at === -1 ? pair : pair.slice(0, at));
    const value = at === -1 ? '' : decoded(pair.slice(at + eq.length));
    if (!Object.prototype.hasOwnProperty.call(result, key))
      result[key] = value;
    else if (Array.isArray(result[key]))
      result[key].push(value);
    else
      result[key] = [result[key], value];
  }
  return result;
}

module.exports = {
  unescapeBuffer,
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
