// Error messages as V8 words them, for what SpiderMonkey words differently: Node programs
// print `err.message`, and Node prints the stack of an uncaught error. JSON.parse and
// JSON.stringify are wrapped so that their errors carry V8's message itself; an error the
// engine raises (reading a property of undefined, assigning a const, ...) shows V8's
// wording in its stack, which console.log(err) and an uncaught error print.
'use strict';

const { v8MessageAtSource } = require('internal/v8_messages_at_source');

function propertyName(text) {
  if (text.startsWith('"') && text.endsWith('"'))
    return text.slice(1, -1);
  const symbol = /^Symbol\.(\w+)$/.exec(text);
  return symbol ? `Symbol(Symbol.${symbol[1]})` : text;
}

// [SpiderMonkey's message, V8's] for errors the engine raises.
const engineMessages = [
  // Module syntax in a file read as CommonJS.
  [/^import declarations may only appear at top level of a module$/, () => 'Cannot use import statement outside a module'],
  [/^export declarations may only appear at top level of a module$/, () => "Unexpected token 'export'"],
  [/^import\.meta may only appear in a module$/, () => "Cannot use 'import.meta' outside a module"],
  // V8 words a for-of, a spread or an array pattern over null or undefined so; a built-in
  // (Array.from, new Set) adds "(cannot read property Symbol(Symbol.iterator))".
  [/^can't access property Symbol\.iterator of (null|undefined)$/, (_, value) => `${value} is not iterable`],
  [/^can't access property Symbol\.iterator, (items|\(destructured parameter\)) is (null|undefined)$/,
    (_, __, value) => `${value === 'null' ? 'object null' : value} is not iterable (cannot read property Symbol(Symbol.iterator))`],
  [/^can't access property Symbol\.iterator, (.+) is (null|undefined)$/, (_, expression) => `${expression} is not iterable`],
  [/^can't access property (.+?), .+ is (null|undefined)$/, (_, name, value) => `Cannot read properties of ${value} (reading '${propertyName(name)}')`],
  [/^can't access property (.+?) of (null|undefined)$/, (_, name, value) => `Cannot read properties of ${value} (reading '${propertyName(name)}')`],
  [/^invalid assignment to const '.+'$/, () => 'Assignment to constant variable.'],
  [/^can't access lexical declaration '(.+)' before initialization$/, (_, name) => `Cannot access '${name}' before initialization`],
  [/^reduce of empty array with no initial value$/, () => 'Reduce of empty array with no initial value'],
  [/^invalid array length$/, () => 'Invalid array length'],
  [/^can't convert symbol to string$/, () => 'Cannot convert a Symbol value to a string'],
  [/^malformed URI sequence$/, () => 'URI malformed'],
  [/^(.+) can't be converted to BigInt because it isn't an integer$/, (_, value) => `The number ${value} cannot be converted to a BigInt because it is not an integer`],
  [/^must call super constructor before using 'this' in derived class constructor$/, () => "Must call super constructor in derived class before accessing 'this' or returning from derived constructor"],
  [/^can't convert BigInt to number$/, () => 'Cannot mix BigInt and other types, use explicit conversions'],
  [/^can't convert (null|undefined) to object$/, () => 'Cannot convert undefined or null to object'],
  [/^BigInt value can't be serialized in JSON$/, () => 'Do not know how to serialize a BigInt'],
  [/^\(\{\}\) is not iterable$/, () => '{} is not iterable'],
  [/^class heritage (.+) is not an object or null$/, (_, value) => `Class extends value ${unquoted(value)} is not a constructor or null`],
  [/^can't define property (.+?): Object is not extensible$/, (_, name) => `Cannot define property ${unquoted(name)}, object is not extensible`],
  [/^WeakMap key must be an object, got .+$/, () => 'Invalid value used as weak map key'],
  [/^WeakSet value must be an object, got .+$/, () => 'Invalid value used in weak set'],
  [/^`target` argument of Reflect\.(\w+) must be an object, got .+$/, (_, method) => `Reflect.${method} called on non-object`],
  [/^"(.*)" is not a function$/, (_, text) => `${text} is not a function`],
  [/^cannot use 'in' operator to search for (.+) in (.+)$/, (_, key, target) => `Cannot use 'in' operator to search for '${unquoted(key)}' in ${unquoted(target)}`],
  [/^invalid 'instanceof' operand (.+)$/, (_, operand) => `Right-hand side of 'instanceof' is ${isPrimitiveText(operand) ? 'not an object' : 'not callable'}`],
  [/^The heldValue parameter passed to FinalizationRegistry\.register must not be the same as the target parameter$/, () => 'FinalizationRegistry.prototype.register: target and holdings must not be same'],
  [/^(.+) is not an object or null$/, (_, value) => `Object prototype may only be an Object or null: ${unquoted(value)}`],
  [/^can't convert symbol to number$/, () => 'Cannot convert a Symbol value to a number'],
  [/^invalid date$/, () => 'Invalid time value'],
  [/^BigInt division by zero$/, () => 'Division by zero'],
  [/^can't set prototype: it would cause a prototype chain cycle$/, () => 'Cyclic __proto__ value'],
  [/^(\w+\.prototype\.\w+) called on incompatible (?:null|undefined)$/, (_, method) => `${method} called on null or undefined`],
  [/^missing argument 0 when calling function Array\.prototype\.(?:forEach|map|filter|find|findIndex|findLast|findLastIndex|some|every|reduce|reduceRight|flatMap)$/,
    () => 'undefined is not a function'],
  [/^\(\{.*\}\) is not a function$/, () => '#<Object> is not a function'],
  [/^source array is too long$/, () => 'offset is out of bounds'],
  [/^invalid Array\.prototype\.sort argument$/, () => 'The comparison function must be either a function or undefined'],
  [/^calling a builtin Promise constructor without new is forbidden$/, () => "Promise constructor cannot be invoked without 'new'"],
  [/^calling a builtin (\w+) constructor without new is forbidden$/, (_, name) => `Constructor ${name} requires 'new'`],
  [/^Receiver of Promise\.(resolve|reject) call is not a non-null object$/, (_, method) => `Promise${method[0].toUpperCase()}${method.slice(1)} called on non-object`],
  [/^Receiver of Promise\.(\w+) call is not a non-null object$/, (_, method) => `Promise.${method} called on non-object`],
  [/^can't convert (.+) to BigInt$/, (_, value) => `Cannot convert ${value} to a BigInt`],
  [/^BigInt negative exponent$/, () => 'undefined must be positive'],
  [/^(.+) is not a valid code point$/, (_, value) => `Invalid code point ${value}`],
  [/^(matchAll|replaceAll) must be called with a global RegExp$/, (_, method) => `String.prototype.${method} called with a non-global RegExp argument`],
  [/^offset is outside the bounds of the DataView$/, () => 'Offset is outside the bounds of the DataView'],
  [/^buffer length for (\w+) should be a multiple of (\d+)$/, (_, name, size) => `byte length of ${name} should be a multiple of ${size}`],
  [/^`(?:target|handler)` argument of Proxy must be an object, got .+$/, () => 'Cannot create proxy with a non-object as target or handler'],
  [/^illegal operation attempted on a revoked proxy$/, () => "Cannot perform 'get' on a proxy that has been revoked"],
  [/^assignment to undeclared variable (.+)$/, (_, name) => `${name} is not defined`],
  [/^Property descriptor must be an object, got (.+)$/, (_, value) => `Property description must be an object: ${unquoted(value)}`],
  // Syntax errors of code given to eval or new Function, when its text is not at hand.
  [/^expected expression, got end of script$|^missing \} (?:in compound statement|after function body)$/, () => 'Unexpected end of input'],
  [/^expected .+, got (?:keyword )?'(.+)'$|^unexpected token: (?:keyword )?'(.+)'$/, (_, token, other) => `Unexpected token '${token ?? other}'`],
  [/^unexpected token: identifier$/, () => 'Unexpected identifier'],
  [/^unexpected token: numeric literal$/, () => 'Unexpected number'],
  [/^unexpected token: string literal$/, () => 'Unexpected string'],
  [/^unexpected token: template literal$/, () => 'Unexpected template string'],
  [/^`+ literal not terminated before end of script$|^`.*` literal not terminated before end of script$|^unterminated template literal$/, () => 'Unexpected end of input'],
  [/^function statement requires a name$/, () => 'Function statements require a function name'],
  [/^(?:.* literal not terminated before end of script|unterminated string literal|identifier starts immediately after numeric literal|illegal character U\+[0-9A-F]+|'#' not followed by identifier)$/,
    () => 'Invalid or unexpected token'],
  [/^redeclaration of (?:let|const|class|var|formal parameter) (.+)$/, (_, name) => `Identifier '${name}' has already been declared`],
  [/^(?:let|static|yield|implements|interface|package|private|protected|public) is a reserved identifier$/, () => 'Unexpected strict mode reserved word'],
  [/^derived class constructor returned invalid value .+$/, () => 'Derived constructors may only return object or undefined'],
  [/^invalid language tag: .+$/, () => 'Incorrect locale information provided'],
  [/^invalid time zone in \w+\(\): (.+)$/, (_, zone) => `Invalid time zone specified: ${zone}`],
  [/^return not in function$/, () => 'Illegal return statement'],
  [/^missing = in const declaration$/, () => 'Missing initializer in const declaration'],
  [/^await is only valid in async functions, async generators and modules$/, () => 'await is only valid in async functions and the top level bodies of modules'],
  [/^a lexical declaration can't define a 'let' binding$/, () => 'let is disallowed as a lexically bound name'],
  [/^radix must be an integer at least 2 and no greater than 36$/, () => 'toString() radix argument must be between 2 and 36'],
  [/^form must be one of 'NFC', 'NFD', 'NFKC', or 'NFKD'$/, () => 'The normalization form should be one of NFC, NFD, NFKC, NFKD.'],
  [/^No Promise in Promise\.any was resolved$/, () => 'All promises were rejected'],
  [/^already executing generator$/, () => 'Generator is already running'],
  [/^undefined currency in NumberFormat\(\) with currency style$/, () => 'Currency code is required with currency style.'],
  // SpiderMonkey does not name the object; V8 names a plain one #<Object>, the common case.
  // An index is an array's element; so, most often, is a read-only length.
  [/^(\d+) is read-only$|^"(length)" is read-only$/, (_, index, length) => `Cannot assign to read only property '${index ?? length}' of object '[object Array]'`],
  [/^"(.+)" is read-only$/, (_, name) => `Cannot assign to read only property '${name}' of object '#<Object>'`],
  [/^setting getter-only property "(.+)"$/, (_, name) => `Cannot set property ${name} of #<Object> which has only a getter`],
  [/^property (\d+) is non-configurable and can't be deleted$/, (_, index) => `Cannot delete property '${index}' of [object Array]`],
  [/^property "(.+)" is non-configurable and can't be deleted$/, (_, name) => `Cannot delete property '${name}' of #<Object>`],
];

// SpiderMonkey quotes a string value ("a"); V8 shows it bare.
function unquoted(text) {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

// How SpiderMonkey writes a primitive in a message: a number, a quoted string, a keyword.
function isPrimitiveText(text) {
  return /^(-?[\d.]+(e[+-]?\d+)?n?|".*"|true|false|null|undefined|NaN|-?Infinity|Symbol\(.*\))$/.test(text);
}

// [name, message] as V8 would have them; `stack` (SpiderMonkey's, when known) places the error
// in the program's source.
function v8Error(name, message, stack, error) {
  if (name === 'InternalError' && message === 'too much recursion')
    return ['RangeError', 'Maximum call stack size exceeded'];
  if (/^can't (access|set) private field( or method)?: object is not the right class$/.test(message)) {
    const text = textAt(stack);
    const field = text && /#([\w$]+)(\s*=(?![=>]))?(\s*\()?/.exec(text);
    if (field && !field[3]) {
      return [name, field[2] ? `Cannot write private member #${field[1]} to an object whose class did not declare it`
        : `Cannot read private member #${field[1]} from an object whose class did not declare it`];
    }
  }
  const destructured = destructuringMessage(message, stack);
  if (destructured)
    return [name, destructured];
  if (message === "class constructors must be invoked with 'new'") {
    const callee = calleeAt(stack);
    if (callee && callee !== 'constructor')
      return [name, `Class constructor ${callee} cannot be invoked without 'new'`];
  }
  const atSource = v8MessageAtSource(message, stack, error);
  if (atSource !== undefined)
    return [name, atSource];
  for (const [pattern, replace] of engineMessages) {
    if (pattern.test(message))
      return [name, settingIfAssigned(message.replace(pattern, replace), stack)];
  }
  return [name, message];
}

// The program's source line at the error's place, from its column on.
function textAt(stack) {
  const frame = typeof stack === 'string' && /\n    at (?:.* \()?((?!node:)[^\s(][^(]*?):(\d+):(\d+)\)?(?:\n|$)/.exec(stack);
  return frame ? require('internal/stack_frames').sourceLine(frame[1], Number(frame[2]))?.slice(Number(frame[3]) - 1) : undefined;
}

// Destructuring null or undefined: SpiderMonkey names the value, V8 the first property the
// pattern takes, which the source before the value (`const { a } = undefined`) or after the
// function's name (`function f({ x })`) shows.
function destructuringMessage(message, stack) {
  const literal = /^(null|undefined) has no properties$/.exec(message);
  const variable = /^[\w$]+ is (null|undefined)$/.exec(message);
  const parameter = /^\(destructured parameter\) is (null|undefined)$/.exec(message);
  if (!literal && !variable && !parameter)
    return undefined;
  const frame = typeof stack === 'string' && /\n    at (?:.* \()?((?!node:)[^\s(][^(]*?):(\d+):(\d+)\)?(?:\n|$)/.exec(stack);
  const line = frame && require('internal/stack_frames').sourceLine(frame[1], Number(frame[2]));
  if (line === undefined || line === false)
    return undefined;
  const column = Number(frame[3]) - 1;
  const property = parameter ? /^[\w$\s]*\(\s*\{\s*([\w$]+)/.exec(line.slice(column))?.[1]
    : /\{\s*([\w$]+)[^{}]*\}\s*=\s*$/.exec(line.slice(0, column))?.[1];
  if (property === undefined)
    return undefined;
  if (variable)
    return `Cannot read properties of ${variable[1]} (reading '${property}')`;
  const value = (literal ?? parameter)[1];
  return `Cannot destructure property '${property}' of '${value}' as it is ${value}.`;
}

// The name a call at the error's place calls (`Point(1)`, `shapes.Circle()`): V8 names the
// class a constructor call without `new` was made to, SpiderMonkey does not.
function calleeAt(stack) {
  const frame = typeof stack === 'string' && /\n    at (?:.* \()?((?!node:)[^\s(][^(]*?):(\d+):(\d+)\)?(?:\n|$)/.exec(stack);
  if (!frame)
    return undefined;
  const line = require('internal/stack_frames').sourceLine(frame[1], Number(frame[2]));
  if (line === undefined)
    return undefined;
  const column = Number(frame[3]) - 1;
  const after = /^[\w$.\s]*?([\w$]+)\s*\(/.exec(line.slice(column));
  if (after)
    return after[1];
  return line[column] === '(' ? /([\w$]+)\s*$/.exec(line.slice(0, column))?.[1] : undefined;
}

// SpiderMonkey words reading and assigning a property of undefined alike; V8 says "set" when
// the property is the target of a plain assignment (a compound one reads it first), which the
// source at the error's place shows: `config.missing.value = 1` fails at `config`, names `value`.
function settingIfAssigned(message, stack) {
  const reading = /^Cannot read properties of (null|undefined) \(reading '(.*)'\)$/.exec(message);
  const frame = reading && typeof stack === 'string' && /\n    at (?:.* \()?((?!node:)[^\s(][^(]*?):(\d+):(\d+)\)?(?:\n|$)/.exec(stack);
  if (!frame)
    return message;
  const { sourceLine } = require('internal/stack_frames');
  const text = sourceLine(frame[1], Number(frame[2]))?.slice(Number(frame[3]) - 1);
  const chain = text && /^[\w$.\s]*?(?:\.\s*([\w$]+)|\[\s*(?:'([^']*)'|"([^"]*)"|(\d+))\s*\])\s*=(?![=>])/.exec(text);
  if (!chain || (chain[1] ?? chain[2] ?? chain[3] ?? chain[4]) !== reading[2])
    return message;
  return `Cannot set properties of ${reading[1]} (setting '${reading[2]}')`;
}

// A stack's header ("TypeError: can't access ...") in V8's words.
function v8StackHeader(stack) {
  const match = /^(\w*Error): ([^\n]*)/.exec(stack);
  if (!match)
    return stack;
  const [name, message] = v8Error(match[1], match[2], stack);
  return `${name}: ${message}${stack.slice(match[0].length)}`;
}

const stackProperty = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');

// An error the engine raised, caught by the program (a catch clause, a promise reaction, an
// uncaught-exception listener), made to carry V8's words in its own `message` (and, for a
// too deep recursion, V8's RangeError) before the program reads it. Anything else is left
// as it is; so is an error whose message cannot be written.
function giveV8Message(error) {
  try {
    // An error of another realm (a vm context's) is one too.
    if (!(error instanceof Error) && Object.prototype.toString.call(error) !== '[object Error]')
      return;
    const described = Object.getOwnPropertyDescriptor(error, 'message');
    if (!described || typeof described.value !== 'string' || !described.writable)
      return;
    const name = error.name;
    const [v8Name, v8Message] = v8Error(name, described.value, stackProperty.get.call(error), error);
    if (v8Message !== described.value)
      error.message = v8Message;
    if (v8Name !== name && name === 'InternalError')
      Object.setPrototypeOf(error, RangeError.prototype);
  } catch {
    // A getter that throws or a stack already full: the error stays as the engine made it.
  }
}

// ---- JSON.parse's errors, from SpiderMonkey's "JSON.parse: <what> at line L column C ..."

const jsonAtPosition = [
  [/^end of data when ',' or '\]' was expected$|^expected ',' or '\]' after array element$/, "Expected ',' or ']' after array element"],
  [/^end of data after property value in object$|^expected ',' or '}' after property value in object$/, "Expected ',' or '}' after property value"],
  [/^end of data while reading object contents$|^expected property name or '}'$/, "Expected property name or '}'"],
  [/^expected double-quoted property name$|^property names must be double-quoted strings$|^end of data when property name was expected$/, 'Expected double-quoted property name'],
  [/^end of data after property name when ':' was expected$|^expected ':' after property name in object$/, "Expected ':' after property name"],
  [/^unterminated string( literal)?$/, 'Unterminated string'],
  [/^bad control character in string literal$/, 'Bad control character in string literal'],
  [/^bad (character escape|escaped character)$/, 'Bad escaped character'],
  [/^bad Unicode escape$/, 'Bad Unicode escape'],
  [/^no number after minus sign$/, 'No number after minus sign'],
  [/^unterminated fractional number$|^missing digits after decimal point$/, 'Unterminated fractional number'],
  [/^exponent part is missing a number$|^missing digits after exponent (indicator|sign)$/, 'Exponent part is missing a number'],
];

function offsetOf(text, line, column) {
  let offset = 0;
  for (let at = 1; at < line; at++) {
    const next = text.indexOf('\n', offset);
    if (next === -1)
      break;
    offset = next + 1;
  }
  return offset + column - 1;
}

// Where V8 places a JSON.parse error (its caret): the end of the text when the text ended
// too soon, else where the message says.
function jsonErrorPosition(text, what, position) {
  if (what === 'unexpected end of data')
    return text.length;
  if (what === 'unexpected keyword') {
    const keyword = ['true', 'false', 'null'].find((word) => word[0] === text[position]) || '';
    let at = position;
    while (at < text.length && at - position < keyword.length && text[at] === keyword[at - position])
      at++;
    return at;
  }
  return position;
}

// An uncaught JSON.parse error's header is the JSON text's line, V8's script being the text.
function atJsonText(error, text, position) {
  const lines = text.slice(0, position).split(/\r\n|[\n\r]/);
  const line = lines.length;
  const column = lines[line - 1].length;
  const whole = text.split(/\r\n|[\n\r]/)[line - 1];
  const caret = position < text.length ? [`${' '.repeat(column)}^`] : [];
  return require('internal/node_api_frames').thrownWithHeader(error, [`<anonymous_script>:${line}`, whole, ...caret]);
}

function jsonParseMessage(text, what, position) {
  if (what === 'unexpected end of data')
    return 'Unexpected end of JSON input';
  if (what === 'unexpected non-whitespace character after JSON data') {
    // A digit after a leading zero is a bad number to V8, not something after the JSON.
    return /^\s*-?0$/.test(text.slice(0, position)) && /\d/.test(text[position])
      ? `Unexpected number in JSON at position ${position}`
      : `Unexpected non-whitespace character after JSON at position ${position}`;
  }
  if (what === 'unexpected non-digit' && text[position - 1] === '-')
    return `No number after minus sign in JSON at position ${position}`;
  if (what === 'unexpected keyword') {
    // V8 reads a keyword as far as it matches: a cut-off one is the end of the input.
    const keyword = ['true', 'false', 'null'].find((word) => word[0] === text[position]) || '';
    let at = position;
    while (at < text.length && at - position < keyword.length && text[at] === keyword[at - position])
      at++;
    if (at === text.length)
      return 'Unexpected end of JSON input';
    position = at;
  }
  for (const [pattern, words] of jsonAtPosition) {
    if (pattern.test(what))
      return `${words} in JSON at position ${position}`;
  }
  if (['undefined', 'NaN', 'Infinity', '[object Object]'].includes(text))
    return `"${text}" is not valid JSON`;
  const token = text[position] ?? '';
  if (text.length < 21)
    return `Unexpected token '${token}', "${text}" is not valid JSON`;
  const start = Math.max(0, position - 10);
  const end = Math.min(text.length, position + 10);
  return `Unexpected token '${token}', ${start > 0 ? '...' : ''}"${text.slice(start, end)}"${end < text.length ? '...' : ''} is not valid JSON`;
}

// ---- JSON.stringify's "Converting circular structure to JSON" with the path V8 shows: the
// object the circle starts at, the keys that lead back to it (the first two and the last
// when there are more than three), and the key that closes it.

function constructorName(object) {
  const prototype = Object.getPrototypeOf(object);
  const constructor = prototype && Object.getOwnPropertyDescriptor(prototype, 'constructor')?.value;
  return typeof constructor === 'function' && constructor.name ? constructor.name : 'Object';
}

function keyText(holder, key) {
  return Array.isArray(holder) ? `index ${key}` : `property '${key}'`;
}

// Walks `value` as JSON.stringify does (toJSON, the replacer) to the first object met again
// while it is still being written; null when there is none.
function circularStructureMessage(value, replacer) {
  const allowed = Array.isArray(replacer) ? new Set(replacer.map(String)) : null;
  const stack = [];  // [object, key that led to it]
  function visit(holder, key, item) {
    if (item !== null && (typeof item === 'object' || typeof item === 'bigint') && typeof item.toJSON === 'function')
      item = item.toJSON(key);
    if (typeof replacer === 'function')
      item = replacer.call(holder, key, item);
    if (item === null || typeof item !== 'object' || item instanceof Number || item instanceof String ||
        item instanceof Boolean || item instanceof BigInt)
      return null;
    const start = stack.findIndex(([object]) => object === item);
    if (start !== -1)
      return describe(stack.slice(start), holder, key);
    stack.push([item, key, holder]);
    const keys = Array.isArray(item) ? item.map((_, index) => String(index))
      : Object.keys(item).filter((name) => !allowed || allowed.has(name));
    for (const name of keys) {
      const found = visit(item, name, item[name]);
      if (found)
        return found;
    }
    stack.pop();
    return null;
  }
  function describe(circle, holder, key) {
    const lines = ['Converting circular structure to JSON',
                   `    --> starting at object with constructor '${constructorName(circle[0][0])}'`];
    const steps = circle.slice(1).map(([object, name, parent]) =>
      `    |     ${keyText(parent, name)} -> object with constructor '${constructorName(object)}'`);
    lines.push(...(steps.length > 3 ? [steps[0], steps[1], '    |     ...', steps[steps.length - 1]] : steps));
    lines.push(`    --- ${keyText(holder, key)} closes the circle`);
    return lines.join('\n');
  }
  try {
    return visit({ '': value }, '', value);
  } catch {
    return null;
  }
}

const jsonError = /^JSON\.parse: (.+) at line (\d+) column (\d+) of the JSON data$/;

// JSON.parse and JSON.stringify of a global (the program's, a vm context's) with V8's
// messages in their errors, made of that global's error classes.
function giveV8Json(global) {
  const { JSON: json, SyntaxError: GlobalSyntaxError, TypeError: GlobalTypeError } = global;
  const originalParse = json.parse;
  const originalStringify = json.stringify;
  Object.defineProperty(json, 'parse', {
    value: {
      parse(text, reviver) {
        try {
          return Reflect.apply(originalParse, json, [text, reviver]);
        } catch (error) {
          const match = error instanceof GlobalSyntaxError && jsonError.exec(error.message);
          if (!match)
            throw error;
          const source = String(text);
          const position = offsetOf(source, Number(match[2]), Number(match[3]));
          throw atJsonText(new GlobalSyntaxError(jsonParseMessage(source, match[1], position)), source,
                           jsonErrorPosition(source, match[1], position));
        }
      },
    }.parse,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  Object.defineProperty(json, 'stringify', {
    value: {
      stringify(value, replacer, space) {
        try {
          return Reflect.apply(originalStringify, json, [value, replacer, space]);
        } catch (error) {
          if (error instanceof GlobalTypeError && error.message === "BigInt value can't be serialized in JSON")
            throw new GlobalTypeError('Do not know how to serialize a BigInt');
          if (error instanceof GlobalTypeError && error.message === 'cyclic object value')
            throw new GlobalTypeError(circularStructureMessage(value, replacer) ?? 'Converting circular structure to JSON');
          throw error;
        }
      },
    }.stringify,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

giveV8Json(globalThis);

module.exports = { v8Error, v8StackHeader, giveV8Message, giveV8Json };
