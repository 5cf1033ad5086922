// What V8 writes for a program's frame that SpiderMonkey names by its function alone: the
// receiver's type before a method's name ("K.run", "Object.method [as key]", "new K"), and
// the frame of a built-in that called a callback ("Array.map (<anonymous>)", "new Promise
// (<anonymous>)"), which SpiderMonkey does not show. Both are read from the program's source:
// where each function is defined (a class's method, an object literal's property), cached
// per file, and what the calling frame's line calls at its position.
'use strict';

const natives = require('internal:binding');
const { receiverOf } = require('internal/callback_receivers');

// ---- where the functions of a file are defined

const definitions = new Map();  // file -> [{ start, end, owner, className, key, isStatic, kind }], or null

function nameOfKey(key) {
  if (!key)
    return undefined;
  if (key.type === 'Identifier')
    return key.name;
  if (key.type === 'Literal')
    return String(key.value);
  return undefined;
}

function isFunctionNode(node) {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

// Every function of the tree with what defines it: a class's method ('method', 'getter',
// 'setter', 'constructor'), an object literal's property ('property'), or nothing ('plain');
// and the places of its own awaits, in order (SpiderMonkey numbers an async function's
// suspension points so).
function collectDefinitions(tree, shift) {
  const found = [];
  const position = (place) => (place.line === 1 ? place.column - shift : place.column);
  const visit = (node, owner, className, around) => {
    if (!node || typeof node !== 'object')
      return;
    if (Array.isArray(node)) {
      for (const child of node)
        visit(child, owner, className, around);
      return;
    }
    if (typeof node.type !== 'string')
      return;
    let inside = around;
    if (isFunctionNode(node) && node.loc) {
      inside = {
        startLine: node.loc.start.line, startColumn: position(node.loc.start),
        endLine: node.loc.end.line, endColumn: position(node.loc.end),
        owner: owner?.kind ?? 'plain', key: owner?.key, name: node.id?.name, isStatic: owner?.isStatic === true, className, awaits: [],
      };
      found.push(inside);
    } else if ((node.type === 'AwaitExpression' || (node.type === 'UnaryExpression' && node.operator === 'await')) &&
               node.loc && around) {
      around.awaits.push([node.loc.start.line, position(node.loc.start) + 1]);
    }
    if (node.type === 'ClassStatement' || node.type === 'ClassExpression') {
      const name = node.id?.name ?? className;
      visit(node.superClass, undefined, className, inside);
      for (const member of node.body ?? []) {
        if (member.type === 'ClassMethod') {
          const key = nameOfKey(member.name);
          const kind = key === 'constructor' && !member.static ? 'constructor' : member.kind;
          visit(member.body, { kind, key, isStatic: member.static }, name, inside);
        } else {
          visit(member, undefined, name, inside);
        }
      }
      return;
    }
    if (node.type === 'ObjectExpression') {
      for (const property of node.properties ?? []) {
        if (property.type === 'Property' && property.kind === 'init') {
          visit(property.key, undefined, className, inside);
          visit(property.value, isFunctionNode(property.value) ? { kind: 'property', key: nameOfKey(property.key) } : undefined, className, inside);
        } else {
          visit(property, undefined, className, inside);
        }
      }
      return;
    }
    // A class assigned to a name (`const K = class {}`) is named by it.
    const named = node.type === 'VariableDeclarator' && node.init?.type === 'ClassExpression' ? node.id?.name : className;
    for (const key of Object.keys(node)) {
      if (key !== 'loc' && key !== 'type')
        visit(node[key], undefined, key === 'init' ? named : className, inside);
    }
  };
  visit(tree, undefined, undefined, undefined);
  return found;
}

function definitionsIn(file, text) {
  if (!definitions.has(file)) {
    let found = null;
    try {
      const isModule = file.endsWith('.mjs');
      // A CommonJS file is a function's body (it may `return`): parsed as one, on the first line.
      const prefix = isModule ? '' : '(function(){';
      found = collectDefinitions(natives.parseSource(isModule ? text : `${prefix}${text}\n})`, isModule), prefix.length);
    } catch {
      found = null;
    }
    definitions.set(file, found);
  }
  return definitions.get(file);
}

function before(line, column, otherLine, otherColumn) {
  return line < otherLine || (line === otherLine && column <= otherColumn);
}

const innermost = new Map();  // file -> Map of "line:column" -> definition: a program logs the same stack often

// The definition of the innermost function around `line`:`column` (1-based).
function definitionAt(file, text, line, column) {
  const found = definitionsIn(file, text);
  if (!found)
    return undefined;
  if (!innermost.has(file))
    innermost.set(file, new Map());
  const known = innermost.get(file);
  const place = `${line}:${column}`;
  if (!known.has(place))
    known.set(place, innermostAt(found, line, column));
  return known.get(place);
}

function innermostAt(found, line, column) {
  let best;
  for (const definition of found) {
    if (before(definition.startLine, definition.startColumn, line, column - 1) &&
        before(line, column - 1, definition.endLine, definition.endColumn) &&
        (!best || before(best.startLine, best.startColumn, definition.startLine, definition.startColumn)))
      best = definition;
  }
  return best;
}

// ---- what a frame's line calls at its position

const identifierPart = /[\w$\u00A0-\uFFFF]/;

// SpiderMonkey places a method call at the property's name, `new X(...)` at `new`, a plain
// call at its `(`. { kind: 'method' | 'new' | 'plain', name, receiverText }, or undefined.
function callAt(lineText, column) {
  const at = column - 1;
  if (lineText === undefined || at < 0 || at >= lineText.length)
    return undefined;
  if (lineText[at] === '(')
    return { kind: 'plain' };
  // `o['name'](...)`: SpiderMonkey places it at the key.
  const computed = /^(['"])([\w$]+)\1\s*\]/.exec(lineText.slice(at));
  if (computed && /\[\s*$/.test(lineText.slice(0, at)))
    return { kind: 'method', name: computed[2], receiverText: lineText.slice(0, at).replace(/\[\s*$/, '') };
  const newCall = /^new\s+([\w$.]+)/.exec(lineText.slice(at));
  if (newCall)
    return { kind: 'new', name: newCall[1] };
  if (!identifierPart.test(lineText[at]))
    return undefined;
  let end = at;
  while (end < lineText.length && identifierPart.test(lineText[end]))
    end++;
  const name = lineText.slice(at, end);
  let dot = at;
  while (dot > 0 && /\s/.test(lineText[dot - 1]))
    dot--;
  if (lineText[dot - 1] !== '.')
    return { kind: 'plain', name };
  return { kind: 'method', name, receiverText: lineText.slice(0, lineText[dot - 2] === '?' ? dot - 2 : dot - 1) };
}

// The built-ins that call a callback before they return, by method name: the type V8 names.
const callingBuiltins = new Map([
  ...['map', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex',
    'flatMap', 'sort'].map((name) => [name, 'Array']),
  ['replace', 'String'], ['replaceAll', 'String'],
]);

function builtinType(call) {
  if (call.name === 'forEach')
    return /\bnew\s+(Map|Set)\b[^.]*$/.exec(call.receiverText)?.[1] ?? 'Array';
  if (call.name === 'from' && /(^|[^\w$.])Array\s*$/.test(call.receiverText))
    return 'Function';
  return callingBuiltins.get(call.name);
}

// The built-in frame V8 shows between a callback `calleeName` and the line that called the
// built-in, or undefined.
function builtinFrameBetween(calleeName, call) {
  if (!call)
    return undefined;
  if (call.kind === 'new' && call.name === 'Promise')
    return '    at new Promise (<anonymous>)';
  if (call.kind !== 'method' || call.name === calleeName)
    return undefined;
  const type = builtinType(call);
  return type === undefined ? undefined : `    at ${type}.${call.name} (<anonymous>)`;
}

// The name V8 gives the frame of `name` (SpiderMonkey's) running at `line`:`column` of `file`,
// called from `call` (the caller's call, undefined when no program frame called it).
function receiverQualified(file, text, name, line, column, call, calledByRuntime) {
  // A function assigned to `a.b.c` has SpiderMonkey's name "a.b.c" and V8's the same without
  // ".prototype", whoever calls it.
  if (/^[\w$]+(?:\.[\w$]+)+$/.test(name ?? ''))
    return name.replace(/\.prototype\./g, '.');
  if (name === undefined || name === '' || /[^\w$]/.test(name) && !/^[gs]et [\w$]+$/.test(name))
    return name;
  const definition = definitionAt(file, text, line, column);
  if (!definition)
    return name;
  // An accessor (of a class or an object literal: SpiderMonkey names no other function so)
  // is found as the property it is the accessor of.
  if (/^[gs]et /.test(name))
    return `${name} [as ${name.slice(4)}]`;
  // A property descriptor's accessor (`{ get: function () {...} }`), called on the object.
  if ((name === 'get' || name === 'set') && definition.owner === 'property' && definition.key === name)
    return `Object.${name}`;
  if (definition.owner === 'constructor' && definition.className === name)
    return `new ${name}`;
  if (call?.kind === 'new' && call.name === name)
    return `new ${name}`;
  // Called as a plain function, by a built-in, or through call / apply (whose receiver the
  // line does not tell): no receiver.
  if (call && (call.kind !== 'method' || builtinFrameBetween(name, call) || call.name === 'call' || call.name === 'apply'))
    return name;
  if (!call && !calledByRuntime)
    return name;
  const as = call && call.name !== name ? ` [as ${call.name}]` : '';
  const made = call && /\bnew\s+([\w$]+)\s*\([^()]*\)\s*$/.exec(call.receiverText);
  if ((definition.owner === 'method' || definition.isStatic) && definition.className)
    return `${made && !definition.isStatic ? made[1] : definition.className}.${name}${as}`;
  if (definition.owner === 'plain' && made)
    return `${made[1]}.${name}${as}`;
  if (definition.owner === 'property' || (definition.owner === 'plain' && call))
    return `Object.${name}${definition.key !== undefined && definition.key !== name && !as ? ` [as ${definition.key}]` : as}`;
  return name;
}

// Where `fn` (from line `firstLine` of `file`, with at least `awaits` awaits) is defined.
function definitionOf(fn, file, text, firstLine, awaits = 0) {
  const found = definitionsIn(file, text);
  if (!found)
    return undefined;
  const candidates = found.filter((definition) => definition.startLine === firstLine && definition.awaits.length >= awaits);
  return candidates.length > 1
    ? candidates.find((candidate) => candidate.name === fn.name || candidate.key === fn.name) ?? candidates[0] : candidates[0];
}

// Whether `line`:`column` of `file` is in the function of `definition` itself.
function isIn(definition, file, text, line, column) {
  return before(definition.startLine, definition.startColumn, line, column - 1) &&
    before(line, column - 1, definition.endLine, definition.endColumn) && definitionAt(file, text, line, column) === definition;
}

// V8's name for `fn` called on `receiver`: the receiver's type, then the function's name, or
// the property of the receiver that holds it, or both ("Timeout.later [as _onTimeout]").
function calledOn(receiver, fn) {
  let type;
  let key;
  try {
    type = receiver?.constructor?.name || 'Object';
    key = Object.getOwnPropertyNames(receiver).find((property) => Object.getOwnPropertyDescriptor(receiver, property).value === fn);
  } catch {
    type = 'Object';
  }
  const name = typeof fn.name === 'string' && /^[\w$]+$/.test(fn.name) ? fn.name : '';
  if (name === '')
    return `${type}.${key ?? '<anonymous>'}`;
  return key !== undefined && key !== name ? `${type}.${name} [as ${key}]` : `${type}.${name}`;
}

// The frame V8 writes for an async function awaiting the failed one: `fn`, defined from line
// `firstLine` of `file`, suspended at its await number `awaitIndex` (from 0); or undefined,
// also when one of the `running` frames ([file, line, column]) is in it.
function asyncFrame(fn, awaitIndex, file, text, firstLine, running) {
  const definition = definitionOf(fn, file, text, firstLine, awaitIndex + 1);
  if (!definition || running.some(([runningFile, line, column]) => runningFile === file && isIn(definition, file, text, line, column)))
    return undefined;
  const [line, column] = definition.awaits[awaitIndex];
  const receiver = receiverOf(fn);
  const name = receiver !== undefined ? calledOn(receiver, fn)
    : typeof fn.name === 'string' && fn.name !== '' ? receiverQualified(file, text, fn.name, line, column, undefined, true) : '';
  return name === '' ? `    at async ${file}:${line}:${column}` : `    at async ${name} (${file}:${line}:${column})`;
}

// The type V8 gives the receiver of the accessor defined at `line`:`column`: its class's, or
// Object for an object literal's.
function accessorOwner(file, text, line, column) {
  const definition = definitionAt(file, text, line, column);
  return definition && definition.className && ['get', 'set', 'getter', 'setter'].includes(definition.owner)
    ? definition.className : 'Object';
}

module.exports = { accessorOwner, calledOn, callAt, builtinFrameBetween, receiverQualified, asyncFrame, definitionOf, isIn };
