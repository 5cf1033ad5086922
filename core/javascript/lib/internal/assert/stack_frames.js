// The frames of the current stack that are the program's, not the assert
// module's. Node asks V8 to leave out the frames of the assert function and
// above, which the engine cannot; here the assert module's own frames at the
// top of the stack are dropped (the library runs as "node:<name>").
'use strict';

const kOwnFile = /^node:(assert|internal\/assert\/[\w/]+|internal\/errors)$/;

// "    at fn (file:1:2)", "    at file:1:2" (V8) or "fn@file:1:2" (SpiderMonkey).
function parseFrame(line) {
  const position = /:(\d+):(\d+)\)?$/.exec(line);
  if (position === null)
    return undefined;
  let location = line.slice(0, position.index);
  const v8 = /^\s+at (?:.*? \()?(.*)$/.exec(location);
  if (v8 !== null) {
    location = v8[1];
  } else {
    const at = location.indexOf('@');
    if (at === -1)
      return undefined;
    location = location.slice(at + 1);
  }
  return { line, file: location, lineNumber: Number(position[1]), column: Number(position[2]) };
}

function callerFrames() {
  const stack = `${new Error().stack || ''}`;
  const frames = stack.split('\n').map(parseFrame).filter((frame) => frame !== undefined);
  let first = 0;
  while (first < frames.length && kOwnFile.test(frames[first].file))
    first++;
  return frames.slice(first);
}

// The stack of an error made by the assert module: its header, then the
// program's frames.
function stackWithHeader(header) {
  return [header, ...callerFrames().map((frame) => frame.line)].join('\n');
}

module.exports = { callerFrames, stackWithHeader };
