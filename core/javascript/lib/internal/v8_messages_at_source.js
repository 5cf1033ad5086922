// V8's messages for engine errors whose SpiderMonkey wording leaves out what V8 names: the
// method that failed (toFixed or toPrecision), the value it was given (a repeat count, a
// typed array's length), the class of a method called on the wrong receiver, the token a
// syntax error in `eval` stopped at. The program's source at the error's place (the call or
// the expression the top frame points at) shows them when they are written there as
// literals; where it does not, the message is left to the general rules of v8_messages.js.
'use strict';

// The error's place: the source line and the 0-based column the top frame points at.
function placeOf(stack) {
  const frame = typeof stack === 'string' && /\n    at (?:(.*?) \()?((?!node:)[^\s(][^(]*?):(\d+):(\d+)\)?(?:\n|$)/.exec(stack);
  if (!frame)
    return undefined;
  const line = require('internal/stack_frames').sourceLine(frame[2], Number(frame[3]));
  if (typeof line !== 'string')
    return undefined;
  let column = Number(frame[4]) - 1;
  // A call's place may be its `(`: the callee's name before it is what the rules read.
  if (line[column] === '(') {
    const callee = /([\w$]+)\s*$/.exec(line.slice(0, column));
    if (callee && !/^\d/.test(callee[1]))
      column = callee.index;
  }
  return { functionName: frame[1], file: frame[2], row: Number(frame[3]), before: line.slice(0, column), after: line.slice(column) };
}

// The class a variable was made from, when its declaration (`const seen = new Set()`) is on
// the error's line or one of the lines above it.
function declaredClass(place, name) {
  const { sourceLine } = require('internal/stack_frames');
  const declaration = new RegExp(`\\b(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*=\\s*new\\s+([\\w$]+)\\s*\\(`);
  for (let row = place.row; row >= 1 && row > place.row - 500; row--) {
    const line = row === place.row ? place.before : sourceLine(place.file, row);
    const found = typeof line === 'string' && declaration.exec(line);
    if (found)
      return found[1];
  }
  return undefined;
}

// ---- Literals written in the source

const stringLiteral = /^(?:'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\$]|\$(?!\{))*`)$/;

// The value of an argument written as a literal: a string, a number or an arithmetic of
// numbers, true, false, null, undefined. `{ value }`, or undefined when it is not one.
function literalValue(text) {
  text = text.trim();
  if (text === '')
    return undefined;
  const keywords = { true: true, false: false, null: null, undefined: undefined, NaN: NaN, Infinity: Infinity };
  if (Object.prototype.hasOwnProperty.call(keywords, text))
    return { value: keywords[text] };
  // Only number tokens and operators: nothing that names a property or calls a function.
  const arithmetic = text.replace(/\bInfinity\b|\b0[xXoObB][\da-fA-F_]+n?\b|(?:\b\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?n?(?![\w$.])/g, '0');
  if (stringLiteral.test(text) || /^[-+*/%()\s0]+$/.test(arithmetic)) {
    try {
      return { value: Function(`"use strict"; return (${text});`)() };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

// The texts of the arguments of the call whose `(` starts `text`; undefined when the call
// does not end on this line.
function argumentTexts(text) {
  if (text[0] !== '(')
    return undefined;
  const pieces = [];
  let depth = 0;
  let start = 1;
  let quote = null;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (quote) {
      if (char === '\\')
        at++;
      else if (char === quote)
        quote = null;
      continue;
    }
    if (char === '\'' || char === '"' || char === '`') {
      quote = char;
    } else if (char === '(' || char === '[' || char === '{') {
      depth++;
    } else if (char === ')' || char === ']' || char === '}') {
      depth--;
      if (depth === 0) {
        pieces.push(text.slice(start, at));
        return pieces.length === 1 && pieces[0].trim() === '' ? [] : pieces;
      }
    } else if (char === ',' && depth === 1) {
      pieces.push(text.slice(start, at));
      start = at + 1;
    }
  }
  return undefined;
}

// The arguments of the call `name(` (or `new name(`) at the start of `text`.
function callArguments(text, name) {
  const match = new RegExp(`^(?:new\\s+)?(?:[\\w$]+\\s*\\.\\s*)*${name}\\s*(?=\\()`).exec(text);
  return match ? argumentTexts(text.slice(match[0].length)) : undefined;
}

function argumentValue(texts, index) {
  return texts && index < texts.length ? literalValue(texts[index]) : undefined;
}

// A value as V8 prints it in a message: strings bare, objects by their constructor.
function v8Text(value) {
  if (typeof value === 'string')
    return value;
  if (typeof value === 'function')
    return Function.prototype.toString.call(value);
  if (Array.isArray(value))
    return '[object Array]';
  if (value !== null && typeof value === 'object')
    return `#<${value.constructor?.name || 'Object'}>`;
  return String(value);
}

// How SpiderMonkey shows a value in a message (the expression's text) as V8 shows the value.
function v8TextOfEngineText(text) {
  const literal = literalValue(text);
  if (literal)
    return v8Text(literal.value);
  if (/^\(?\{.*\}\)?$/.test(text))
    return '#<Object>';
  if (/^\[.*\]$/.test(text))
    return '[object Array]';
  return text;
}

// The method a call at the error's place calls: `x.toFixed(` or `Number.prototype.toFixed.call(`.
function calledMethod(place) {
  const name = /^([\w$]+)\s*\(/.exec(place.after)?.[1];
  if (name === 'call' || name === 'apply')
    return /([\w$]+)\s*\.\s*$/.exec(place.before)?.[1];
  return name;
}

// ---- Objects the source names by a global's path (`Object.prototype`, `Math`)

// The value at a path of data properties from the global object; getters are not run.
function globalPathValue(path) {
  let value = globalThis;
  for (const name of path.split(/\s*\.\s*/)) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function'))
      return undefined;
    const described = Object.getOwnPropertyDescriptor(value, name);
    if (!described || !('value' in described))
      return undefined;
    value = described.value;
  }
  return { value };
}

// [V8's kind of the object ('function' or 'object'), how V8 shows it].
function describedObject(value) {
  if (typeof value === 'function') {
    const source = Function.prototype.toString.call(value);
    const native = /^function ([\w$]*)\(\) \{\s*\[native code\]\s*\}$/.exec(source);
    return ['function', native ? `function ${native[1]}() { [native code] }` : source];
  }
  return ['object', v8Text(value)];
}

// The object whose property `name` the source at the error's place assigns or deletes.
function ownerAt(after, name, deleting) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = deleting ? `^delete\\s+([\\w$]+(?:\\s*\\.\\s*[\\w$]+)*)\\s*\\.\\s*${escaped}\\b`
    : `^([\\w$]+(?:\\s*\\.\\s*[\\w$]+)*)\\s*\\.\\s*${escaped}\\s*=(?![=>])`;
  const path = new RegExp(pattern).exec(after)?.[1];
  const found = path && globalPathValue(path);
  return found && found.value !== null && (typeof found.value === 'object' || typeof found.value === 'function')
    ? describedObject(found.value) : undefined;
}

// ---- The rules: [SpiderMonkey's message, (match, place, error) => V8's message or undefined]

const digitsRanges = {
  toFixed: 'toFixed() digits argument must be between 0 and 100',
  toPrecision: 'toPrecision() argument must be between 1 and 100',
  toExponential: 'toExponential() argument must be between 0 and 100',
};

const typedArrayNames = /^(?:Int8|Uint8|Uint8Clamped|Int16|Uint16|Int32|Uint32|Float32|Float64|BigInt64|BigUint64)Array$/;

function constructed(place) {
  return /^new\s+([\w$]+)\s*\(/.exec(place.after)?.[1];
}

function typeAndValue(value) {
  if (typeof value === 'symbol' || typeof value === 'bigint')
    return typeof value;
  if (value !== null && (typeof value === 'object' || typeof value === 'function'))
    return typeof value;
  return `${typeof value} ${String(value)}`;
}

// The opening bracket the error's place is inside of on its line: `(` of a call, `[` of an array.
function enclosingBracket(before) {
  let depth = 0;
  for (let at = before.length - 1; at >= 0; at--) {
    const char = before[at];
    if (char === ')' || char === ']' || char === '}')
      depth++;
    else if (char === '(' || char === '[' || char === '{') {
      if (depth === 0)
        return char;
      depth--;
    }
  }
  return undefined;
}

// V8's receiver checks: the primitive wrappers' methods require their own kind of `this`,
// Date's say so in their own words, the generic methods of String and Array only refuse
// null and undefined, the others name the receiver.
const arrayMethodsConvertingThis = new Set(['at', 'copyWithin', 'fill', 'lastIndexOf', 'pop', 'push', 'reverse', 'shift',
  'unshift', 'slice', 'sort', 'splice', 'includes', 'join', 'keys', 'entries', 'values', 'flat', 'flatMap',
  'toLocaleString', 'toString', 'toReversed', 'toSorted', 'toSpliced', 'with']);
const thisValueClasses = new Set(['Number', 'Boolean', 'Symbol', 'BigInt', 'Function']);

function receiverMessage(className, method, receiverType, place) {
  // V8 calls what Function.prototype.call (apply, bind) was given as `this`, naming the callee.
  if (className === 'Function' && (method === 'call' || method === 'apply' || method === 'bind')) {
    const callee = /((?:[\w$]+\s*\.\s*)*)$/.exec(place.before)[1].replace(/\s+/g, '');
    const name = /^[\w$]+/.exec(place.after)?.[0];
    return callee && name ? `${callee}${name} is not a function` : undefined;
  }
  if (thisValueClasses.has(className) || (className === 'String' && (method === 'toString' || method === 'valueOf')))
    return `${className}.prototype.${method} requires that 'this' be a ${className}`;
  if (className === 'Date')
    return 'this is not a Date object.';
  if (receiverType === 'null' || receiverType === 'undefined') {
    if (className === 'Array' && arrayMethodsConvertingThis.has(method))
      return 'Cannot convert undefined or null to object';
    if (className === 'String' || className === 'Array')
      return `${className}.prototype.${method} called on null or undefined`;
    return `Method ${className}.prototype.${method} called on incompatible receiver ${receiverType}`;
  }
  let receiver;
  if (receiverType === 'Array')
    receiver = '[object Array]';
  else if (/^[A-Z]/.test(receiverType) && receiverType !== 'Function')
    receiver = `#<${receiverType}>`;
  else {
    const literal = argumentValue(argumentTexts(/^(?:call|apply)\s*(\(.*)$/.exec(place.after)?.[1] ?? ''), 0);
    if (!literal)
      return undefined;
    receiver = v8Text(literal.value);
  }
  return `Method ${className}.prototype.${method} called on incompatible receiver ${receiver}`;
}

function revokedProxyTrap(statement) {
  const after = statement.replace(/^return\s+/, '');
  if (/^delete\b/.test(after))
    return 'deleteProperty';
  if (/^\S+\s+in\s/.test(after))
    return 'has';
  if (/^(?:keys|getOwnPropertyNames|ownKeys|entries|values)\s*\(/.test(after))
    return 'ownKeys';
  if (/^(?:getPrototypeOf|setPrototypeOf|defineProperty|getOwnPropertyDescriptor|isExtensible|preventExtensions)\s*\(/.test(after))
    return /^(\w+)/.exec(after)[1];
  if (/^new\s/.test(after))
    return 'construct';
  if (/^[\w$]+\s*\(/.test(after))
    return 'apply';
  if (/^[\w$.\s]*(?:\[[^\]]*\])?\s*=(?![=>])/.test(after))
    return 'set';
  return 'get';
}

// ---- Syntax errors in the code given to eval or new Function, named by their token.

// The code an `eval(...)`/`new Function(...)` at the error's place compiles, when its
// arguments are literals: SpiderMonkey's line and column are places in it.
function evaluatedCode(place) {
  const evalArguments = callArguments(place.after, 'eval');
  if (evalArguments) {
    const code = argumentValue(evalArguments, 0);
    return code && typeof code.value === 'string' ? code.value : undefined;
  }
  const functionArguments = callArguments(place.after, 'Function');
  if (!functionArguments)
    return undefined;
  const texts = functionArguments.map((text) => literalValue(text));
  if (texts.some((text) => !text || typeof text.value !== 'string'))
    return undefined;
  const values = texts.map((text) => text.value);
  const body = values.length > 0 ? values.pop() : '';
  return `function anonymous(${values.join(',')}\n) {\n${body}\n}`;
}

const reservedWords = new Set(('break case catch class const continue debugger default delete do else export extends ' +
  'false finally for function if import in instanceof new null return super switch this throw true try typeof var ' +
  'void while with enum').split(' '));

// V8's "Unexpected ..." for the token at a place in `code`.
function unexpectedTokenAt(code, line, column) {
  const lines = code.split(/\r\n|[\n\r\u2028\u2029]/);
  if (line < 1 || line > lines.length)
    return undefined;
  const rest = [lines[line - 1].slice(column), ...lines.slice(line)].join('\n').replace(/^\s+/, '');
  if (rest === '')
    return 'Unexpected end of input';
  const word = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/u.exec(rest)?.[0];
  if (word)
    return reservedWords.has(word) ? `Unexpected token '${word}'` : `Unexpected identifier '${word}'`;
  if (/^\.?\d/.test(rest))
    return 'Unexpected number';
  if (/^['"]/.test(rest))
    return 'Unexpected string';
  if (rest[0] === '`')
    return 'Unexpected template string';
  const punctuator = /^(?:>>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|&&=|\|\|=|\?\?=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.|\+\+|--|\+=|-=|\*=|\/=|%=|&=|\|=|\^=|<<|>>|\*\*|[{}()[\];,<>+\-*/%&|^!~?:=.@#])/.exec(rest)?.[0];
  return punctuator ? `Unexpected token '${punctuator}'` : 'Invalid or unexpected token';
}

// ---- Regular expressions: V8 names the pattern and its flags with the reason.

const regExpReasons = [
  [/^unterminated character class$/, 'Unterminated character class'],
  [/^unterminated parenthetical$/, 'Unterminated group'],
  [/^unmatched \) in regular expression$/, "Unmatched ')'"],
  [/^nothing to repeat$/, 'Nothing to repeat'],
  [/^numbers out of order in \{\} quantifier\.?$/, 'numbers out of order in {} quantifier'],
  [/^\\ at end of pattern$/, '\\ at end of pattern'],
  [/^invalid range in character class$/, 'Range out of order in character class'],
  [/^duplicate capture group name in regular expression$/, 'Duplicate capture group name'],
  [/^invalid named capture reference in regular expression$/, 'Invalid named capture referenced'],
  [/^invalid capture group name in regular expression$/, 'Invalid capture group name'],
  [/^invalid property name in regular expression$/, 'Invalid property name'],
  [/^invalid (?:identity )?escape in regular expression$/, 'Invalid escape'],
  [/^invalid unicode escape in regular expression$/, 'Invalid Unicode escape'],
  [/^invalid decimal escape in regular expression$/, 'Invalid decimal escape'],
  [/^invalid class escape in regular expression$/, 'Invalid class escape'],
  [/^raw brace is not allowed in regular expression with unicode flag$/, 'Lone quantifier brackets'],
  [/^invalid regexp group$/, 'Invalid group'],
];

function regExpArguments(place) {
  const texts = callArguments(place.after, 'RegExp');
  if (!texts || texts.length === 0)
    return undefined;
  const pattern = argumentValue(texts, 0);
  const flags = texts.length > 1 ? argumentValue(texts, 1) : { value: '' };
  if (!pattern || typeof pattern.value !== 'string' || !flags || (flags.value !== undefined && typeof flags.value !== 'string'))
    return undefined;
  return { pattern: pattern.value, flags: flags.value ?? '' };
}

const rules = [
  [/^precision (.+) out of range$/, (match, place) => {
    const method = calledMethod(place);
    return digitsRanges[method] ?? (match[1] === '0' ? digitsRanges.toPrecision : digitsRanges.toFixed);
  }],
  [/^repeat count must be (non-negative|less than infinity and not overflow maximum string size)$/, (match, place) => {
    const method = calledMethod(place);
    if (method === 'padStart' || method === 'padEnd')
      return 'Invalid string length';
    const count = argumentValue(callArguments(place.after, 'repeat'), 0);
    const number = count && (typeof count.value === 'number' || typeof count.value === 'string') ? Number(count.value) : NaN;
    if (!Number.isNaN(number))
      return number < 0 || number === Infinity ? `Invalid count value: ${number}` : 'Invalid string length';
    return match[1] === 'non-negative' ? undefined : 'Invalid string length';
  }],
  [/^(.+) is not iterable$/, (match, place) => {
    const name = constructed(place) ?? (calledMethod(place) === 'fromEntries' ? 'fromEntries' : undefined);
    if (name === 'Set' || name === 'Map' || name === 'WeakMap' || name === 'WeakSet' || name === 'fromEntries') {
      const argument = argumentValue(callArguments(place.after, name), 0) ?? literalValue(match[1]);
      const type = argument ? typeAndValue(argument.value) : /^Symbol\(/.test(match[1]) ? 'symbol' : 'object';
      return `${type} is not iterable (cannot read property Symbol(Symbol.iterator))`;
    }
    if (/\bfor\s+await\s*\([^()]*\bof\s*$/.test(place.before))
      return `${match[1]} is not async iterable`;
    if (/^\.\.\./.test(place.after) && enclosingBracket(place.before) === '(' && !/^(null|undefined)$/.test(match[1]))
      return 'Spread syntax requires ...iterable[Symbol.iterator] to be a function';
    return undefined;
  }],
  // Promise's combinators reject a non-iterable as V8's built-ins word it.
  [/^Argument of Promise\.(?:all|allSettled|any|race) is not iterable$|^can't convert (undefined|null) to object$/, (match, place) => {
    const method = calledMethod(place);
    if (!['all', 'allSettled', 'any', 'race'].includes(method) || !/\bPromise\s*\.\s*$/.test(place.before))
      return undefined;
    const texts = callArguments(place.after, method);
    const argument = texts?.length === 0 ? { value: undefined } : argumentValue(texts, 0);
    const type = match[1] ?? (argument ? typeAndValue(argument.value) : 'object');
    return `${type} is not iterable (cannot read property Symbol(Symbol.iterator))`;
  }],
  // A nested pattern (`{ x: { y } }`) over null or undefined: V8 reads its first property.
  [/^(?:\(intermediate value\)|\(destructured parameter\)|[\w$]+)(?:\.[\w$]+)*\.([\w$]+) is (null|undefined)$/, (match, place) => {
    const inner = new RegExp(`(?:^|[{,\\s])${match[1]}\\s*:\\s*\\{\\s*([\\w$]+)`).exec(place.before + place.after);
    return inner ? `Cannot read properties of ${match[2]} (reading '${inner[1]}')` : undefined;
  }],
  // Spreading null or undefined into a call's arguments.
  [/^can't access property Symbol\.iterator(?:, (.+) is (null|undefined)| of (null|undefined))$/, (match, place) => {
    if (!/^\.\.\./.test(place.after) || enclosingBracket(place.before) !== '(')
      return undefined;
    const value = match[2] ?? match[3];
    return `${match[1] ?? value} is not iterable (cannot read property ${value})`;
  }],
  [/^iterable for (?:Map|WeakMap|Object\.fromEntries) should have array-like objects$/, (match, place) => {
    const name = constructed(place) ?? 'fromEntries';
    const list = callArguments(place.after, name)?.[0]?.trim();
    const elements = list && list.startsWith('[') ? argumentTexts(`(${list.slice(1, -1)})`) : undefined;
    for (const element of elements ?? []) {
      if (/^\s*[[{]/.test(element))
        continue;
      const value = literalValue(element);
      return value ? `Iterator value ${v8Text(value.value)} is not an entry object` : undefined;
    }
    return undefined;
  }],
  [/^(?:([\w$]+)\.prototype\.)?([\w$]+)(?: method)? called on incompatible (.+)$/, (match, place) => {
    const named = /([\w$]+)\s*\.\s*prototype\s*\.\s*([\w$]+)\s*\.\s*$/.exec(place.before);
    const variable = /([\w$]+)\s*\.\s*([\w$]+)\s*\.\s*$/.exec(place.before);
    const className = match[1] ?? (named && named[2] === match[2] ? named[1] : undefined) ??
      (variable && variable[2] === match[2] ? declaredClass(place, variable[1]) : undefined);
    return className ? receiverMessage(className, match[2], match[3], place) : undefined;
  }],
  [/^can't convert (?:null|undefined) to object$/, (match, place) => {
    // Only the generic methods of arrays and strings say so; the others convert `this` first.
    const method = /\b(Array|String)\s*\.\s*prototype\s*\.\s*([\w$]+)\s*\.\s*$/.exec(place.before);
    if (!method || !/^(?:call|apply)\s*\(/.test(place.after))
      return undefined;
    return receiverMessage(method[1], method[2], 'null', place);
  }],
  [/^(?:.+ is not a non-null object|.+ is not an object)$/, (match, place) => {
    if (constructed(place) === 'WeakRef')
      return 'WeakRef: invalid target';
    const owner = /\b(Object|Reflect)\s*\.\s*$/.exec(place.before)?.[1];
    const method = /^([\w$]+)\s*\(/.exec(place.after)?.[1];
    return owner && method ? `${owner}.${method} called on non-object` : undefined;
  }],
  [/^Object\.setPrototypeOf: expected an object or null, got (.+)$/, (match, place) => {
    if (match[1] === 'undefined')
      return 'Object prototype may only be an Object or null: undefined';
    const prototype = argumentValue(callArguments(place.after, 'setPrototypeOf'), 1);
    return prototype ? `Object prototype may only be an Object or null: ${v8Text(prototype.value)}` : undefined;
  }],
  [/^(.+) is not a function$/, (match, place) => {
    // Map's and Set's forEach describe a callback that is not one by its type.
    const receiver = calledMethod(place) === 'forEach' && /([\w$]+)\s*\.\s*$/.exec(place.before)?.[1];
    const receiverClass = receiver && declaredClass(place, receiver);
    if (receiverClass === 'Map' || receiverClass === 'Set') {
      const texts = callArguments(place.after, 'forEach');
      const callback = texts?.length === 0 ? { value: undefined } : argumentValue(texts, 0);
      if (callback)
        return `${callback.value === undefined ? 'undefined' : typeof callback.value === 'string' ? `string "${callback.value}"` : typeAndValue(callback.value)} is not a function`;
      return /^\(?[{[]/.test(match[1]) ? 'object is not a function' : undefined;
    }
    // A typed array's sort calls its comparator; V8 checks it first, as for an array's.
    if (/^(?:sort|toSorted)$/.test(calledMethod(place)))
      return 'The comparison function must be either a function or undefined';
    if (constructed(place) !== 'Promise')
      return undefined;
    const resolver = argumentValue(callArguments(place.after, 'Promise'), 0);
    return `Promise resolver ${resolver ? v8Text(resolver.value) : v8TextOfEngineText(match[1])} is not a function`;
  }],
  [/^invalid array length$/i, (match, place) => {
    const name = constructed(place);
    const length = typedArrayNames.test(name) && argumentValue(callArguments(place.after, name), 0);
    return length ? `Invalid typed array length: ${v8Text(length.value)}` : undefined;
  }],
  [/^attempting to construct out-of-bounds (\w+) on ArrayBuffer$/, (match, place) => {
    const length = argumentValue(callArguments(place.after, match[1]), 2);
    return length ? `Invalid typed array length: ${v8Text(length.value)}` : undefined;
  }],
  [/^(?:size of buffer is too small for (\w+) with byteOffset|start offset is outside the bounds of the buffer)$/, (match, place) => {
    const name = constructed(place);
    const offset = name && argumentValue(callArguments(place.after, name), 1);
    return offset ? `Start offset ${v8Text(offset.value)} is outside the bounds of the buffer` : undefined;
  }],
  [/^invalid data view length$/, (match, place) => {
    const length = argumentValue(callArguments(place.after, 'DataView'), 2);
    return length ? `Invalid DataView length ${v8Text(length.value)}` : undefined;
  }],
  [/^invalid or out-of-range index$/, (match, place) => (constructed(place) === 'ArrayBuffer' ? 'Invalid array buffer length' : undefined)],
  [/^(.+) is not a constructor$/, (match, place) => {
    if (match[1] === 'super')
      return undefined;
    // A primitive heritage is "not an object or null" to SpiderMonkey: this one is an object,
    // most often a plain one when the source names it by a variable.
    if (/^class\b[^{]*\bextends\b/.test(place.after)) {
      const value = /^[\w$.]+$/.test(match[1]) ? '#<Object>' : v8TextOfEngineText(match[1]);
      return `Class extends value ${value} is not a constructor or null`;
    }
    // V8 names an expression that is neither a name nor a member by what it is, not its text.
    if (/^new\s*\(/.test(place.after) && /^\(?(?:async\b|function\b|class\b|\(|[\w$]+\s*=>)/.test(match[1]) &&
        !match[1].startsWith('(intermediate value)'))
      return '(intermediate value) is not a constructor';
    return undefined;
  }],
  [/^super is not a constructor$/, (match, place) => {
    // A class whose heritage is null: its implicit constructor, or a `super()` in its own.
    if (/^super\s*\(/.test(place.after) && place.functionName)
      return `Super constructor null of ${place.functionName} is not a constructor`;
    const heritage = /^class\s*([\w$]*)\s+extends\s+null\b/.exec(place.after);
    if (!heritage)
      return undefined;
    const name = heritage[1] || place.functionName;
    return `Super constructor null of ${name || 'anonymous class'} is not a constructor`;
  }],
  [/^"(.+)" is read-only$/, (match, place) => {
    const owner = ownerAt(place.after, match[1], false);
    return owner ? `Cannot assign to read only property '${match[1]}' of ${owner[0]} '${owner[1]}'` : undefined;
  }],
  [/^property "(.+)" is non-configurable and can't be deleted$/, (match, place) => {
    const owner = ownerAt(place.after, match[1], true);
    return owner ? `Cannot delete property '${match[1]}' of ${owner[1]}` : undefined;
  }],
  [/^illegal operation attempted on a revoked proxy$/, (match, place) => `Cannot perform '${revokedProxyTrap(place.after)}' on a proxy that has been revoked`],
  [/^can't define property (.+?): Object is not extensible$/, (match, place) => {
    const name = match[1].replace(/^"(.*)"$/, '$1');
    return /^[^;]*?[^=!<>]=(?![=>])/.test(place.after) ? `Cannot add property ${name}, object is not extensible` : undefined;
  }],
  [/^can't convert BigInt to number$/, (match, place) => {
    if (/^\+/.test(place.after) || /^[\w$]+\s*\(/.test(place.after))
      return 'Cannot convert a BigInt value to a number';
    return /^[^;,)}]*>>>/.test(place.after) ? 'BigInts have no unsigned right shift, use >> instead' : undefined;
  }],
  // Intl's options: V8 names the option a digits value was given to, and the service.
  [/^invalid digits value: (.+)$/, (match, place) => {
    const escaped = match[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const option = new RegExp(`([\\w$]*Digits)\\s*:\\s*${escaped}(?![\\w.])`).exec(place.after)?.[1];
    return option ? `${option} value is out of range.` : undefined;
  }],
  [/^invalid value "(.*)" for option (\w+)$/, (match, place) => {
    const service = /^new\s+Intl\s*\.\s*(\w+)\s*\(/.exec(place.after)?.[1];
    return service ? `Value ${match[1]} out of range for Intl.${service} options property ${match[2]}` : undefined;
  }],
  [/^invalid BigInt syntax$/, (match, place) => {
    const text = argumentValue(callArguments(place.after, 'BigInt'), 0);
    return text ? `Cannot convert ${v8Text(text.value)} to a BigInt` : undefined;
  }],
  [/^calling a builtin typed array constructor without new is forbidden$/, (match, place) => {
    const name = calledMethod(place);
    return typedArrayNames.test(name) ? `Constructor ${name} requires 'new'` : undefined;
  }],
  // SpiderMonkey says what it expected; V8 names the token it met, at the same place.
  [/^(?:unexpected token: .+|expected .+, got .+|missing (?:; before statement|name after \. operator|variable name|\] after element list|: after property id|\( before condition|\) (?:after (?:for-loop control|condition|formal parameters)|in parenthetical)|\} (?:in compound statement|after function body|after property list))|class statement requires a name)$/, (match, place, error) => {
    const code = evaluatedCode(place);
    if (code === undefined || !error || typeof error.lineNumber !== 'number')
      return undefined;
    return unexpectedTokenAt(code, error.lineNumber, error.columnNumber);
  }],
  [/^invalid regular expression flag (.)$/, (match, place) => {
    const flags = regExpArguments(place)?.flags;
    return `Invalid flags supplied to RegExp constructor '${flags || match[1]}'`;
  }],
  [new RegExp(regExpReasons.map(([pattern]) => pattern.source).join('|')), (match, place) => {
    const reason = regExpReasons.find(([pattern]) => pattern.test(match[0]))?.[1];
    const regExp = reason && regExpArguments(place);
    return regExp ? `Invalid regular expression: /${regExp.pattern}/${regExp.flags}: ${reason}` : undefined;
  }],
];

// V8's message for an engine error, from the source at its place; undefined when the source
// does not tell. `error`, when given, is the error itself (its line and column).
function v8MessageAtSource(message, stack, error) {
  let place;
  for (const [pattern, rule] of rules) {
    const match = pattern.exec(message);
    if (!match)
      continue;
    place ??= placeOf(stack);
    if (!place)
      return undefined;
    const v8Message = rule(match, place, error);
    if (v8Message !== undefined)
      return v8Message;
  }
  return undefined;
}

module.exports = { v8MessageAtSource, unexpectedTokenAt };
