// The stack-trace API as small libraries use it: depd's caller location (captureStackTrace
// into an object with a prepareStackTrace that returns the CallSites) and source-map-support's
// cloned CallSites.
'use strict';
const path = require('path');
function getStack() {
  const limit = Error.stackTraceLimit;
  const obj = {};
  const prep = Error.prepareStackTrace;
  Error.prepareStackTrace = prepareObjectStackTrace;
  Error.stackTraceLimit = Math.max(10, limit);
  Error.captureStackTrace(obj);
  const stack = obj.stack.slice(1);
  Error.prepareStackTrace = prep;
  Error.stackTraceLimit = limit;
  return stack;
}
function prepareObjectStackTrace(obj, stack) { return stack; }
function callSiteLocation(callSite) {
  let file = callSite.getFileName() || '<anonymous>';
  const line = callSite.getLineNumber();
  const colm = callSite.getColumnNumber();
  if (callSite.isEval()) file = callSite.getEvalOrigin() + ', ' + file;
  const site = [path.basename(file), line, colm];
  site.callSite = callSite;
  site.name = callSite.getFunctionName();
  return site;
}
function deprecate(msg) {
  const stack = getStack();
  const site = callSiteLocation(stack[1]);
  const caller = callSiteLocation(stack[2]);
  console.log(msg, site.slice(0, 3).join(':'), site.name, caller.slice(0, 3).join(':'), caller.name);
}
function oldApi() { deprecate('oldApi is deprecated'); }
function user() { oldApi(); }
user();
class Legacy { run() { oldApi(); } }
new Legacy().run();
// source-map-support-like cloning
Error.prepareStackTrace = (error, stack) => {
  const cloned = stack.map((frame) => {
    const object = {};
    for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(frame))) {
      object[name] = /^(?:is|get)/.test(name) ? function () { return frame[name].call(frame); } : frame[name];
    }
    object.toString = function () { return `${this.getFunctionName() || '<anon>'}@${path.basename(this.getFileName() || '?')}:${this.getLineNumber()}`; };
    return object;
  });
  return `${error}\n    at ${cloned.join('\n    at ')}`;
};
function boom() { return new Error('mapped'); }
console.log(boom().stack.split('\n').slice(0, 4).join('\n'));
try { Object.getPrototypeOf(getStack()[0]).toString.call({}); } catch (e) { console.log(e.constructor.name); }
