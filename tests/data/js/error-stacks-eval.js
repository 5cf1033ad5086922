'use strict';
// Frames of code run by eval or made by new Function: V8 writes where the code came from,
// "eval at caller (file:line:column), <anonymous>:line:column".
const head = (error) => error.stack.replaceAll(__dirname, '.').split('\n').slice(0, 3).join('\n');

console.log(head(eval('new Error("top-level eval")')));
function compute() {
  return eval('(function inner() { return new Error("function in eval"); })()');
}
console.log(head(compute()));
console.log(head(new Function('a', 'return new Error("new Function " + a)')(1)));
class Calculator {
  run(code) { return eval(code); }
}
console.log(head(new Calculator().run('new Error("eval in a method")')));
const make = new Function('return function made() { return new Error("made by new Function"); }');
console.log(head(make()()));

Error.prepareStackTrace = (error, sites) => sites.slice(0, 2).map((site) => [
  site.isEval(), site.getEvalOrigin() && site.getEvalOrigin().replace(__dirname, '.'), site.getFileName() && site.getFileName().replace(__dirname, '.'),
  site.getLineNumber(), site.getColumnNumber(), site.getFunctionName()].join(',')).join(' / ');
console.log(eval('new Error("sites")').stack);
