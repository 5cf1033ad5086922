// A caught engine error in V8's words. SpiderMonkey gives no hook between a throw and the
// catch clause that receives it, so each catch clause of the program's own files starts with
// a call that rewrites the message (internal/v8_messages.js) before the program reads it:
// `catch (error) {` becomes `catch (error) {__loopscopeCaught(error);`. The call goes right
// after the clause's `{`, so every line keeps its number; the file's own text is what an
// uncaught error shows. A file the engine cannot parse is compiled as it is (its syntax
// error is then the engine's to report), and so is one without a catch clause.
'use strict';

const natives = require('internal:binding');
const { giveV8Message } = require('internal/v8_messages');

const kCall = '__loopscopeCaught';
Object.defineProperty(globalThis, kCall, { value: giveV8Message, writable: false, enumerable: false, configurable: false });

const lineBreak = /\r\n|[\n\r\u2028\u2029]/g;

function lineStarts(source) {
  const starts = [0];
  for (const match of source.matchAll(lineBreak))
    starts.push(match.index + match[0].length);
  return starts;
}

// Every catch clause that binds a plain name: [the offset of its body's `{`, the name].
function catchClauses(tree, source) {
  const starts = lineStarts(source);
  const found = [];
  const pending = [tree];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object')
      continue;
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    if (node.type === 'CatchClause' && node.param?.type === 'Identifier' && node.body?.loc) {
      const { line, column } = node.body.loc.start;
      const offset = starts[line - 1] + column;
      if (source[offset] === '{')
        found.push([offset, node.param.name]);
    }
    for (const key of Object.keys(node)) {
      if (key !== 'loc')
        pending.push(node[key]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

// The source to compile for a file of the program (`isModule`: an ES module).
function withCaughtErrorsInV8Words(source, isModule) {
  if (!/\bcatch\s*\(/.test(source))
    return source;
  // A CommonJS file is a function's body (it may `return`): parsed as one, on the first line.
  const prefix = isModule ? '' : '(function(){';
  const parsed = isModule ? source : `${prefix}${source}\n})`;
  let tree;
  try {
    tree = natives.parseSource(parsed, isModule);
  } catch {
    return source;
  }
  const clauses = catchClauses(tree, parsed).map(([offset, name]) => [offset - prefix.length, name]);
  if (clauses.length === 0)
    return source;
  const pieces = [];
  let copied = 0;
  for (const [offset, name] of clauses) {
    pieces.push(source.slice(copied, offset + 1), `${kCall}(${name});`);
    copied = offset + 1;
  }
  pieces.push(source.slice(copied));
  return pieces.join('');
}

module.exports = { withCaughtErrorsInV8Words };
