// A syntax error in one of the program's files as V8 reports it. SpiderMonkey says what it
// expected where V8 names the token it met, places some errors elsewhere (at the `(` after
// `super`, past the CommonJS wrapper's end for an unclosed call or a stray `}`), and gives a
// column only. V8 reports the token its scanner stands at, and Node underlines that token's
// whole span: so the source is scanned here, the token found, the message worded from it.
// Runs only when a file fails to compile.
'use strict';

const sites = new WeakMap();  // error -> the header Node prints above it ("file:line\ncode\ncarets\n")
// Errors of CommonJS files, whose header Node's loader also writes at the top of their stack.
const decorated = new WeakSet();

// ---- a scanner good enough to find tokens and their spans in a file that does not parse

const punctuators = /^(?:>>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|&&=|\|\|=|\?\?=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.(?!\d)|\+\+|--|\+=|-=|\*=|\/=|%=|&=|\|=|\^=|<<|>>|\*\*|[{}()[\];,<>+\-*/%&|^!~?:=.])/;
const identifier = /^(?:[\p{ID_Start}$_]|\\u[\da-fA-F{])(?:[\p{ID_Continue}$\u200c\u200d]|\\u[\da-fA-F{][\da-fA-F}]*)*/u;
const lineBreak = /[\n\r\u2028\u2029]/;
const reservedWords = new Set(('break case catch class const continue debugger default delete do else export extends ' +
  'false finally for function if import in instanceof new null return super switch this throw true try typeof var ' +
  'void while with enum').split(' '));
const strictReservedWords = new Set('implements interface let package private protected public static yield'.split(' '));
// After these a `/` starts a regular expression, not a division.
const beforeExpression = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

// The number V8's scanner reads at `at`: [end, whether it is a valid token].
function scanNumber(text, at) {
  let end = at;
  const prefixed = /^0[xXoObB]/.exec(text.slice(at, at + 2));
  if (prefixed) {
    end += 2;
    const digits = /^[\da-fA-F_]*/.exec(text.slice(end))[0];
    end += digits.length;
    if (digits === '')
      return [end, false];
    if (text[end] === 'n')
      end++;
  } else {
    const decimal = /^(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?/.exec(text.slice(at))[0];
    end += decimal.length;
    if (text[end] === 'n') {
      // A BigInt has no fraction, no exponent, no leading zero.
      if (!/^(?:0|[1-9][\d_]*)$/.test(decimal))
        return [end, false];
      end++;
    }
  }
  return [end, !identifier.test(text.slice(end)) && !/^\d/.test(text.slice(end))];
}

// The tokens of `text` in order: { start, end, kind, value, depth } where kind is name,
// number, string, template, regexp, punctuator or illegal, and depth counts the braces open
// before it. An illegal token is one V8's scanner gives up on; scanning stops after it.
function scanTokens(text) {
  const tokens = [];
  const templateDepths = [];  // brace depths at which a template's `${` resumes the template
  let depth = 0;
  let at = 0;
  const push = (start, end, kind) => {
    tokens.push({ start, end, kind, value: text.slice(start, end), depth });
    at = end;
  };
  const scanTemplate = (start, from) => {
    let end = from;
    while (end < text.length && text[end] !== '`' && !(text[end] === '$' && text[end + 1] === '{'))
      end += text[end] === '\\' ? 2 : 1;
    if (end >= text.length)
      return false;
    if (text[end] === '$') {
      templateDepths.push(depth);
      push(start, end + 2, 'template');
      depth++;
    } else {
      push(start, end + 1, 'template');
    }
    return true;
  };
  while (at < text.length) {
    const char = text[at];
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    if (text.startsWith('//', at) || (text.startsWith('-->', at) && tokens.length === 0)) {
      const end = text.slice(at).search(lineBreak);
      at = end === -1 ? text.length : at + end;
      continue;
    }
    if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      if (end === -1) {
        push(at, text.length, 'illegal');
        break;
      }
      at = end + 2;
      continue;
    }
    const rest = text.slice(at, at + 400);
    const name = identifier.exec(rest);
    if (name) {
      push(at, at + name[0].length, 'name');
      continue;
    }
    if (/\d/.test(char) || (char === '.' && /\d/.test(text[at + 1] ?? ''))) {
      const [end, valid] = scanNumber(text, at);
      push(at, end, valid ? 'number' : 'illegal');
      if (!valid)
        break;
      continue;
    }
    if (char === '\'' || char === '"') {
      let end = at + 1;
      while (end < text.length && text[end] !== char && !lineBreak.test(text[end]))
        end += text[end] === '\\' ? (text.startsWith('\r\n', end + 1) ? 3 : 2) : 1;
      if (end >= text.length || text[end] !== char) {
        push(at, Math.min(end, text.length), 'illegal');
        break;
      }
      push(at, end + 1, 'string');
      continue;
    }
    if (char === '`') {
      if (!scanTemplate(at, at + 1))
        break;  // V8 meets the end of the input inside it
      continue;
    }
    if (char === '}' && templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === depth - 1) {
      templateDepths.pop();
      depth--;
      // The `}` is a token of its own to V8 where a substitution's expression is cut short.
      push(at, at + 1, 'punctuator');
      if (!scanTemplate(at, at))
        break;
      continue;
    }
    if (char === '/' && startsExpression(tokens[tokens.length - 1])) {
      let end = at + 1;
      let inClass = false;
      while (end < text.length && !lineBreak.test(text[end]) && (text[end] !== '/' || inClass)) {
        if (text[end] === '[')
          inClass = true;
        else if (text[end] === ']')
          inClass = false;
        end += text[end] === '\\' ? 2 : 1;
      }
      if (text[end] !== '/') {
        push(at, at + 1, 'illegal');
        break;
      }
      end++;
      while (end < text.length && /[\w$]/.test(text[end]))
        end++;
      push(at, end, 'regexp');
      continue;
    }
    if (char === '#' && identifier.test(text.slice(at + 1, at + 400))) {
      push(at, at + 1 + identifier.exec(text.slice(at + 1, at + 400))[0].length, 'name');
      continue;
    }
    const punctuator = punctuators.exec(rest);
    if (!punctuator) {
      push(at, at + 1, 'illegal');
      break;
    }
    if (punctuator[0] === '}')
      depth--;
    push(at, at + punctuator[0].length, 'punctuator');
    if (punctuator[0] === '{')
      depth++;
  }
  return tokens;
}

function startsExpression(previous) {
  if (!previous)
    return true;
  if (previous.kind === 'punctuator')
    return !/^(?:\)|\]|\}|\+\+|--)$/.test(previous.value);
  if (previous.kind === 'name')
    return beforeExpression.has(previous.value);
  return false;
}

// ---- V8's words for a token

function unexpected(token, strict) {
  if (!token)
    return 'Unexpected end of input';
  switch (token.kind) {
    case 'name':
      if (reservedWords.has(token.value))
        return `Unexpected token '${token.value}'`;
      if (strict && strictReservedWords.has(token.value))
        return 'Unexpected strict mode reserved word';
      return `Unexpected identifier '${token.value}'`;
    case 'number': return 'Unexpected number';
    case 'string': return 'Unexpected string';
    case 'template': return 'Unexpected template string';
    case 'punctuator': return `Unexpected token '${token.value}'`;
    default: return 'Invalid or unexpected token';
  }
}

// ---- SpiderMonkey's messages, by what V8 reports for them

// SpiderMonkey says what it expected (or what it met, in its words): V8 names the token met.
const expectedSomething = /^(?:unexpected token: .+|expected .+, got .+|missing (?!\) after argument list|= in const|catch or finally|.* digits).*|class statement requires a name|Unexpected (?:token|identifier|number|string|template string|end of input)\b.*)$/;
// The scanner stopped: V8's "Invalid or unexpected token" at the token it could not read.
const illegalToken = /literal not terminated before end of script|unterminated (?:string|comment|regular expression)|string literal contains an unescaped line break|identifier starts immediately after numeric literal|illegal character|'#' not followed by identifier|missing (?:hexadecimal|octal|binary|exponent) digits|missing digits after|numeric separator|BigInt (?:literal|syntax)|^Invalid or unexpected token$/i;
// SpiderMonkey's message for a keyword used where it cannot be: [V8's message, the keyword it underlines].
const keywordMessages = [
  [/^super\(\) is only valid in derived class constructors$|^use of super (?:property|method) (?:accesses|calls) only valid within methods/, "'super' keyword unexpected here", 'super'],
  [/^strict mode code may not contain 'with' statements$/, 'Strict mode code may not include a with statement', 'with'],
  [/^a lexical declaration can't define a 'let' binding$|^let is disallowed as a lexically bound name$/, 'let is disallowed as a lexically bound name', 'let'],
  [/^await is only valid in async functions/, 'await is only valid in async functions and the top level bodies of modules', 'await'],
  [/^for await \(\.\.\. of \.\.\.\) is only valid in async functions/, 'Unexpected reserved word', 'await'],
  [/^no line break is allowed between 'throw' and its expression$/, 'Illegal newline after throw', 'throw'],
  [/^function statement requires a name$|^Function statements require a function name$/, 'Function statements require a function name', 'function'],
  [/^continue must be inside loop$/, 'Illegal continue statement: no surrounding iteration statement', 'continue'],
  [/^(?:let|static|yield|implements|interface|package|private|protected|public) is a reserved identifier$|^Unexpected strict mode reserved word$/, 'Unexpected strict mode reserved word', null],
];

// The token at or after `offset`, or undefined at the end of the input.
function tokenFrom(tokens, offset) {
  return tokens.find((token) => token.end > offset);
}

function tokenBefore(tokens, offset) {
  let found;
  for (const token of tokens) {
    if (token.start >= offset)
      break;
    found = token;
  }
  return found;
}

// The template token whose `${` `token` stands directly in (no bracket of its own open), or undefined.
function substitutionOpening(tokens, token) {
  let balance = 0;
  for (let index = tokens.indexOf(token) - 1; index >= 0; index--) {
    const { kind, value } = tokens[index];
    if (kind === 'template') {
      if (value.endsWith('${') && balance === 0)
        return tokens[index];
      if (value.startsWith('}') || value.startsWith('`'))
        return undefined;
    } else if (kind === 'punctuator' && /^[)\]}]$/.test(value)) {
      balance++;
    } else if (kind === 'punctuator' && /^[([{]$/.test(value)) {
      if (balance === 0)
        return undefined;
      balance--;
    }
  }
  return undefined;
}

// What V8 reports for a SpiderMonkey syntax error at `offset` of `text`: { message, start, end }.
function v8Report(message, text, offset, strict) {
  const tokens = scanTokens(text);
  const last = tokens[tokens.length - 1];
  const endOfInput = { message: 'Unexpected end of input', start: text.length, end: text.length };
  const at = (words, token) => (token ? { message: words, start: token.start, end: token.end } : undefined);
  // V8's scanner stops at the character a numeric separator or a \u escape cannot take.
  if (/^underscore can appear only between digits, not after the last digit/.test(message)) {
    const number = tokens.find((token) => token.kind === 'number' && token.value.endsWith('_'));
    return number ? { message: 'Numeric separators are not allowed at the end of numeric literals', start: number.end, end: number.end + 1 } : undefined;
  }
  if (/^malformed Unicode character escape sequence$/.test(message) && text.startsWith('\\u', offset)) {
    // \u{...} at its first wrong character, \uXXXX as the six characters it should be.
    if (text[offset + 2] !== '{')
      return { message: 'Invalid Unicode escape sequence', start: offset, end: offset + 6 };
    const stop = offset + /^\\u\{[\da-fA-F]*/.exec(text.slice(offset))[0].length;
    return { message: 'Invalid Unicode escape sequence', start: stop, end: stop + 1 };
  }
  // A template literal runs to the end of the input: V8 meets the end there.
  if (/^`.*` literal not terminated|^unterminated template literal/.test(message))
    return endOfInput;
  if (last && last.kind === 'illegal' && (illegalToken.test(message) || last.start <= offset))
    return at(last.value === '/' ? 'Invalid regular expression: missing /' : 'Invalid or unexpected token', last);
  if (illegalToken.test(message))
    return undefined;
  const place = Math.min(offset, text.length);
  if (message === 'missing ) after argument list')
    return at(message, tokenBefore(tokens, place));
  if (/^unexpected garbage after function body/.test(message)) {
    // The CommonJS wrapper ended at a `}` that closes nothing in the file.
    return at("Unexpected token '}'", tokens.find((token) => token.depth < 0));
  }
  if (/^missing catch or finally after try$/i.test(message))
    return at('Missing catch or finally after try', tokenFrom(tokens, place));
  if (/^missing = in const declaration$|^Missing initializer in const declaration$/.test(message))
    return at('Missing initializer in const declaration', tokenFrom(tokens, place));
  if (/^yield expression is only valid in generators$/.test(message) && !strict) {
    // Outside a generator `yield` is a name in sloppy code: what follows it is unexpected.
    const next = tokenFrom(tokens, tokenFrom(tokens, place)?.end ?? text.length);
    return next ? at(unexpected(next, strict), next) : endOfInput;
  }
  if (expectedSomething.test(message)) {
    const token = offset >= text.length ? undefined : tokenFrom(tokens, offset);
    if (!token)
      return endOfInput;
    // After a whole expression in a template's `${`, V8 expected its `}`: it underlines from
    // the expression's start to the token met.
    const opener = token.value !== '}' ? substitutionOpening(tokens, token) : undefined;
    const previous = tokenBefore(tokens, token.start);
    const endsExpression = previous !== undefined && previous !== opener &&
      (/^(?:name|number|string|regexp)$/.test(previous.kind) || /^[)\]}]$|`$/.test(previous.value));
    if (opener && endsExpression) {
      const start = tokens[tokens.indexOf(opener) + 1].start;
      return { message: 'Missing } in template expression', start, end: token.start };
    }
    return at(unexpected(token, strict), token);
  }
  for (const [pattern, words, keyword] of keywordMessages) {
    if (!pattern.test(message))
      continue;
    let token = tokenFrom(tokens, place);
    if (keyword !== null && token?.value !== keyword)
      token = tokens.filter((candidate) => candidate.value === keyword && candidate.start <= place).pop() ?? token;
    return at(words, token);
  }
  const privateName = /^reference to undeclared private field or method (#.+)$/.exec(message);
  if (privateName) {
    // V8 places a member access `this.#x` at its dot, with one caret.
    const name = tokenFrom(tokens, place);
    const before = name && tokenBefore(tokens, name.start);
    const start = before?.value === '.' ? before.start : name?.start ?? place;
    return { message: `Private field '${privateName[1]}' must be declared in an enclosing class`, start, end: start + 1 };
  }
  if (/^label not found$/.test(message)) {
    const label = tokenFrom(tokens, place);
    return label ? at(`Undefined label '${label.value}'`, label) : undefined;
  }
  // V8 puts one caret at the start of a name declared twice.
  const repeated = /^redeclaration of (?:let|const|class|var|formal parameter) (.+)$|^Identifier '(.+)' has already been declared$/.exec(message);
  if (repeated)
    return { message: `Identifier '${repeated[1] ?? repeated[2]}' has already been declared`, start: place, end: place + 1 };
  if (/^duplicate formal argument /.test(message))
    return { message: 'Duplicate parameter name not allowed in this context', start: place, end: place + 1 };
  return undefined;
}

// ---- where: offsets, lines, the header

function lineStarts(text) {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|[\n\r\u2028\u2029]/g))
    starts.push(match.index + match[0].length);
  return starts;
}

function header(name, text, start, end) {
  const starts = lineStarts(text);
  let line = starts.length - 1;
  while (starts[line] > start)
    line--;
  const next = line + 1 < starts.length ? starts[line + 1] : text.length;
  const code = text.slice(starts[line], next).replace(/[\r\n\u2028\u2029]+$/, '');
  const column = start - starts[line];
  // Node underlines nothing for a token that runs past its line (an unclosed comment), and
  // copies the tabs before the caret so that it lines up.
  if (end > starts[line] + code.length)
    return `${name}:${line + 1}\n${code}\n`;
  const indent = code.slice(0, column).replace(/[^\t]/g, ' ');
  return `${name}:${line + 1}\n${code}\n${indent}${'^'.repeat(end - start)}\n`;
}

// V8's report, { message, start, end } (offsets in `text`), of the syntax error SpiderMonkey
// reported at `lineNumber` and `columnNumber` (from 0) of `text`; undefined when not known.
function reportOf(message, text, lineNumber, columnNumber, isModule) {
  const starts = lineStarts(text);
  // Past the file's last line: the end of the wrapper SpiderMonkey compiled it in.
  const offset = lineNumber > starts.length ? text.length
    : Math.min(starts[Math.max(lineNumber, 1) - 1] + Math.max(columnNumber, 0), text.length);
  const strict = isModule || /^\s*(?:(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*['"]use strict['"]/.test(text);
  return v8Report(message, text, offset, strict);
}

// Gives a SyntaxError that compiling `text` (the file `filename`, as CommonJS or as an ES
// module) raised V8's message and records the header Node prints above it.
function placeSyntaxError(error, text, filename, isModule) {
  try {
    if (!(error instanceof SyntaxError) || typeof error.lineNumber !== 'number' || sites.has(error))
      return;
    const report = reportOf(error.message, text, error.lineNumber, error.columnNumber, isModule);
    if (!report)
      return;
    error.message = report.message;
    const name = isModule ? require('url').pathToFileURL(filename).href : filename;
    sites.set(error, header(name, text, report.start, report.end));
    if (!isModule)
      decorated.add(error);
  } catch {
    // The error stays as SpiderMonkey made it.
  }
}

// The stack of `error` as a program reads it: a CommonJS file's syntax error starts with
// the header the loader placed (the uncaught error's printout shows it once).
function decoratedStack(error, stack) {
  return decorated.has(error) ? `${sites.get(error)}\n${stack}` : stack;
}

// [V8's message, line, column from 1] for `loopscope check`, or undefined.
function checkedSyntaxError(message, text, lineNumber, columnNumber, isModule) {
  const report = reportOf(message, text, lineNumber, columnNumber, isModule);
  if (!report)
    return undefined;
  const starts = lineStarts(text);
  let line = starts.length - 1;
  while (starts[line] > report.start)
    line--;
  return [report.message, line + 1, report.start - starts[line] + 1];
}

// A required JSON file that does not parse: Node rethrows its error from its loader.
function placeJsonError(error) {
  if (error !== null && typeof error === 'object')
    sites.set(error, 'node:internal/modules/cjs/loader:1644\n    throw err;\n    ^\n');
}

// The header above an uncaught error the loader placed, or undefined.
function loaderErrorSite(error) {
  return error !== null && typeof error === 'object' ? sites.get(error) : undefined;
}

module.exports = { placeSyntaxError, placeJsonError, loaderErrorSite, decoratedStack, checkedSyntaxError, scanTokens, v8Report };
