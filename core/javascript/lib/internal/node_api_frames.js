// An error thrown inside Node's API shows where Node throws it, not where this library does:
// the uncaught error's header is Node's throw site (a binding call in lib/fs.js, the
// `throw error;` of lib/internal/errors.js for a validator's error, ...) and the stack's
// frames above the program's are Node's (internal/node_api_sites.js, recorded from Node).
// The library names the throw point (`atNodeApi`) where it throws or rejects; errors made
// by its error helpers lose those helpers' frames wherever they are thrown.
'use strict';

let sites;  // loaded on the first error thrown inside the API
const siteOf = new WeakMap();  // error -> where it was made: its throw point's entry in the table
const thrownAt = new WeakMap();  // error -> the last throw point it was thrown (or rejected) at

function siteNamed(key) {
  sites ??= require('internal/node_api_sites');
  return Object.hasOwn(sites, key) ? sites[key] : undefined;
}

// `error`, thrown (or rejected with) at `key`'s throw point, e.g. `fs.statSync:stat`.
function atNodeApi(error, key) {
  const site = error !== null && typeof error === 'object' ? siteNamed(key) : undefined;
  if (site) {
    if (!siteOf.has(error)) {
      siteOf.set(error, site);
      // A stack already written (util's makeNodeError writes its error's) takes Node's frames now.
      const written = Object.getOwnPropertyDescriptor(error, 'stack');
      if (written && typeof written.value === 'string')
        error.stack = withNodeApiFrames(error, written.value.split('\n')).join('\n');
    }
    thrownAt.set(error, site);
  }
  return error;
}

// Rejects with `error`, thrown at `key`'s throw point inside an async function of Node's
// (fs.promises): from a promise job, as the error comes out of that function's await in Node,
// so that the runtime gives it the async frames of the program's functions awaiting it.
function rejectAsNodeApi(reject, error, key) {
  Promise.resolve().then(() => reject(atNodeApi(error, key)));
}

// `error`, thrown where its uncaught header (`header`, its lines) says, its frames as they are.
function thrownWithHeader(error, header) {
  thrownAt.set(error, { header, frames: [] });
  return error;
}

// Node's validators are wrapped in hideStackFrames: their errors are thrown from
// lib/internal/errors.js with the API function the program called as the top frame.
const validatorHeader = ['node:internal/errors:541', '      throw error;', '      ^'];

// The frames of the library's error helpers (util's makeNodeError, the validators):
// Node's own helpers are hidden from its stacks.
const helperFrame = /^    at (?:(?:\S+ \()?node:internal\/(?:validators|errors):\d+:\d+\)?|\w+Error \(node:util:\d+:\d+\)|(?:validate\w*|invalidArgType) \(node:[\w/]+:\d+:\d+\))$/;

const libraryFrame = /^    at (?:.* \()?node:[^)]*\)?$/;

// `lines` (a stack in Node's form) with Node's frames above the program's.
function withNodeApiFrames(error, lines) {
  let site = siteOf.get(error);
  const first = lines.findIndex((line) => line.startsWith('    at '));
  if (first === -1)  // made by the runtime, with no JavaScript below it (a callback's or a promise's error)
    return site ? [...lines, ...site.frames] : lines;
  let program = first;
  while (program < lines.length && libraryFrame.test(lines[program]))
    program++;
  if (program === first)  // made by the program's own code
    return lines;
  if (!site && typeof error.code === 'string' && error.code.startsWith('ERR_')) {
    site = checkSite(error, lines[program - 1]);
    if (site)
      siteOf.set(error, site);
  }
  if (site)
    return [...lines.slice(0, first), ...site.frames, ...lines.slice(program)];
  let end = first;
  while (end < lines.length && helperFrame.test(lines[end]))
    end++;
  return [...lines.slice(0, first), ...lines.slice(end)];
}

// An argument check's error names what it checked (`The "cb" argument ...`, `The value of
// "size" ...`, `The first argument ...`); with the API function the program called (`called`,
// the outermost of the library's frames) that is the throw point: `fs.readFile:cb`.
function checkSite(error, called) {
  const place = /^    at (?:new )?([\w$]+) \(node:([\w/]+):\d+:\d+\)$/.exec(called);
  if (!place)
    return undefined;
  const message = typeof error.message === 'string' ? error.message : '';
  const named = /^The (?:value of "([^"]+)"|"([^"]+)" (?:argument|property)|(?:argument|property) '([^']+)'|([\w ]+) argument)/.exec(message);
  const checked = named?.slice(1).find((name) => name !== undefined) ?? error.code;
  return siteNamed(`${place[2]}.${place[1]}:${checked}`);
}

// The uncaught error's header ("file:line\nsource\ncaret\n") when the library threw it
// inside Node's API, else ''.
function nodeThrowHeader(error) {
  const site = error !== null && typeof error === 'object' ? thrownAt.get(error) ?? siteOf.get(error) : undefined;
  if (site)
    return `${site.header.join('\n')}\n`;
  if (error !== null && typeof error === 'object' && validatorErrors.has(error))
    return `${validatorHeader.join('\n')}\n`;
  return '';
}

const validatorErrors = new WeakSet();

// An error a validator made (util's makeNodeError from a helper): thrown at Node's
// `throw error;` in lib/internal/errors.js.
function noteValidatorError(error) {
  validatorErrors.add(error);
}

// Set on an error by the code that throws it (events' emit) to give the text the process prints
// when the error ends it (Node's lib/internal/errors.js fatalExceptionStackEnhancers).
const kEnhanceStackBeforeInspector = Symbol('kEnhanceStackBeforeInspector');

module.exports = { kEnhanceStackBeforeInspector, atNodeApi, rejectAsNodeApi, thrownWithHeader, noteValidatorError, nodeThrowHeader, withNodeApiFrames };
