// assert.ok and assert(): on a falsy value without a message, Node quotes the
// call from the program's source ("The expression evaluated to a falsy
// value:\n\n  assert.ok(x)\n"). Node finds the call with acorn; here a small
// scanner reads the call from the call site's line and column to its closing
// parenthesis, skipping strings, template literals, comments and regular
// expressions.
//
// Ported from Node.js v20 (lib/internal/assert/utils.js).
// Copyright Node.js contributors. MIT licence: see the notice in util.js.
'use strict';

const AssertionError = require('internal/assert/assertion_error');
const { callerFrames } = require('internal/assert/stack_frames');
const { isError } = require('util');

const binding = (() => {
  try {
    return require('internal:binding') || {};
  } catch {
    return {};
  }
})();

const errorCache = new Map();

// Escape control characters but not \n and \t to keep the line breaks and
// indentation intact.
// eslint-disable-next-line no-control-regex
const escapeSequencesRegExp = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
const meta = [
  '\\u0000', '\\u0001', '\\u0002', '\\u0003', '\\u0004',
  '\\u0005', '\\u0006', '\\u0007', '\\b', '',
  '', '\\u000b', '\\f', '', '\\u000e',
  '\\u000f', '\\u0010', '\\u0011', '\\u0012', '\\u0013',
  '\\u0014', '\\u0015', '\\u0016', '\\u0017', '\\u0018',
  '\\u0019', '\\u001a', '\\u001b', '\\u001c', '\\u001d',
  '\\u001e', '\\u001f',
];

const escapeFn = (str) => meta[str.charCodeAt(0)];

const isIdentifierChar = (c) => /[\w$\u00a0-\uffff]/.test(c);

// Where a regular expression literal may start: after these, '/' is no division.
const kBeforeRegExp = /[(,=:[!&|?{};+\-*%<>~^]|^$|\b(return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

// The index just past the parenthesis that closes the one at `open`, or -1.
function closingParenthesis(code, open) {
  let depth = 0;
  let previous = '';
  const stack = [];  // '(' '[' '{' and '`' of template literals
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'") {
      i = endOfString(code, i, c);
      if (i < 0) return -1;
      previous = c;
      continue;
    }
    if (c === '`' || (c === '}' && stack[stack.length - 1] === '${')) {
      if (c === '}') stack.pop();
      i = endOfTemplatePart(code, i + 1, stack);
      if (i < 0) return -1;
      previous = '`';
      continue;
    }
    if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      if (end < 0) return -1;
      i = end;
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 1;
      continue;
    }
    if (c === '/' && kBeforeRegExp.test(previous)) {
      i = endOfRegExp(code, i);
      if (i < 0) return -1;
      previous = '/';
      continue;
    }
    if (/\s/.test(c))
      continue;
    if (c === '(' || c === '[' || c === '{') {
      stack.push(c);
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      stack.pop();
      depth--;
      if (depth === 0)
        return i + 1;
    }
    if (isIdentifierChar(c)) {
      let end = i;
      while (end + 1 < code.length && isIdentifierChar(code[end + 1]))
        end++;
      previous = code.slice(i, end + 1);
      i = end;
      previous = /^(return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/.test(previous) ?
        previous : 'a';
      continue;
    }
    previous = c;
  }
  return -1;
}

function endOfString(code, start, quote) {
  for (let i = start + 1; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i;
    else if (code[i] === '\n') return -1;
  }
  return -1;
}

// From inside a template literal: the index of its closing '`', or of the
// '{' of a '${' (pushed on `stack`).
function endOfTemplatePart(code, start, stack) {
  for (let i = start; i < code.length; i++) {
    if (code[i] === '\\') {
      i++;
    } else if (code[i] === '`') {
      return i;
    } else if (code[i] === '$' && code[i + 1] === '{') {
      stack.push('${');
      return i + 1;
    }
  }
  return -1;
}

function endOfRegExp(code, start) {
  let inClass = false;
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      while (i + 1 < code.length && /[a-z]/i.test(code[i + 1])) i++;
      return i;
    } else if (c === '\n') return -1;
  }
  return -1;
}

// The call expression at `offset` (the callee's name, as V8 and SpiderMonkey
// report a call's column): [its start, its text].
//
// Node parses from each token of the line with acorn until an expression
// holds a call around `offset`, and quotes the innermost such call. The call
// assert.ok makes is a callee (`assert`, `assert.ok`, `assert.strict.ok`)
// followed by its arguments in parentheses, so: back from `offset` over the
// callee's names and dots, then forward to the parenthesis that closes the
// arguments. Examples, with the offset V8 and SpiderMonkey report:
//   assert.ok(a === b)           the offset is at `ok`
//   assert(typeof x === 'y')     the offset is at `assert`
//   const r = assert.ok(f(1))    the quote is `assert.ok(f(1))`
// Strings, template literals, comments and regular expressions are skipped.
function parseCode(code, offset) {
  let start = offset;
  while (start > 0 && (isIdentifierChar(code[start - 1]) || code[start - 1] === '.'))
    start--;
  while (code[start] === '.')
    start++;
  let open = offset;
  while (open < code.length && (isIdentifierChar(code[open]) || /[\s.]/.test(code[open])))
    open++;
  if (code[open] !== '(')
    throw null; // eslint-disable-line no-throw-literal
  const end = closingParenthesis(code, open);
  if (end < 0)
    throw null; // eslint-disable-line no-throw-literal
  return [start, code.slice(start, end).replace(escapeSequencesRegExp, escapeFn)];
}

function readSource(filename) {
  if (typeof binding.readFile !== 'function')
    return undefined;
  try {
    return binding.readFile(filename);
  } catch {
    return undefined;
  }
}

// The message of assert.ok(value) with no message: the call's source, read
// from the program's file at the line and column of the caller's frame, or
// undefined when the file cannot be read (the AssertionError then says
// `${value} == true`). Messages are cached by call site, as Node caches
// them; a call site that failed once is not read again.
//
// Line numbers: innerOk below throws on lines 270 and 281, the lines of
// Node's lib/internal/assert/utils.js, which Node's report of an uncaught
// error names ("node:internal/assert/utils:281").
function getErrMessage(message, fn) {
  const call = callerFrames()[0];
  if (call === undefined)
    return message;

  let filename = call.file;
  const line = call.lineNumber - 1;
  let column = call.column - 1;

  const identifier = `${filename}${line}${column}`;

  // Skip Node.js modules!
  if (filename.startsWith('node:')) {
    errorCache.set(identifier, undefined);
    return;
  }

  if (errorCache.has(identifier)) {
    return errorCache.get(identifier);
  }

  try {
    // ESM file prop is a file proto. Convert that to path.
    if (filename.startsWith('file://'))
      filename = decodeURIComponent(filename.slice(7));

    const source = readSource(filename);
    if (source === undefined)
      throw null; // eslint-disable-line no-throw-literal
    let code = source;
    for (let i = 0; i < line; i++) {
      code = code.slice(code.indexOf('\n') + 1);
    }
    ({ 0: column, 1: message } = parseCode(code, column));
    // Always normalize indentation, otherwise the message could look weird.
    if (message.includes('\n')) {
      message = message.replace(/\r\n/g, '\n');
      const frames = message.split('\n');
      message = frames.shift();
      for (const frame of frames) {
        let pos = 0;
        while (pos < column && (frame[pos] === ' ' || frame[pos] === '\t')) {
          pos++;
        }
        message += `\n  ${frame.slice(pos)}`;
      }
    }
    message = `The expression evaluated to a falsy value:\n\n  ${message}\n`;
    // Make sure to always set the cache! No matter if the message is
    // undefined or not
    errorCache.set(identifier, message);

    return message;
  } catch {
    // Invalidate cache to prevent trying to read this part again.
    errorCache.set(identifier, undefined);
  }
}

function innerOk(fn, argLen, value, message) {
  if (!value) {
    let generatedMessage = false;

    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
      message = getErrMessage(message, fn);
    } else if (isError(message)) {
      throw message;
    }

    const err = new AssertionError({
      actual: value,
      expected: true,
      message,
      operator: '==',
      stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

module.exports = {
  innerOk,
};
