// Syntax errors a program meets at run time: code it builds for eval and new Function,
// patterns it hands to RegExp, JSON it parses. V8 names the token or the pattern.
'use strict';

function attempt(label, action) {
  try {
    action();
    console.log(`${label}: compiled`);
  } catch (err) {
    console.log(`${label}: ${err.name}: ${err.message}`);
  }
}

attempt('two names', () => eval('total count'));
attempt('names on a later line', () => eval('let a = 1;\n  a b'));
attempt('number after name', () => eval('let width = 5 10'));
attempt('string after name', () => eval('label "text"'));
attempt('keyword', () => eval('let x = if'));
attempt('stray bracket', () => eval('[1, 2]]'));
attempt('stray brace', () => eval('if (ok) }'));
attempt('end of input', () => eval('compute(1, 2) +'));
attempt('open block', () => eval('while (true) {'));
attempt('open array', () => eval('const list = [1, 2'));
attempt('missing paren', () => eval('call(1 2)'));
attempt('unterminated string', () => eval("const s = 'abc"));
attempt('unterminated template', () => eval('`abc'));
attempt('illegal character', () => eval('a # b'));
attempt('redeclared', () => eval('let item; let item;'));
attempt('const without value', () => eval('const limit;'));
attempt('return outside', () => eval('return 5'));
attempt('anonymous function statement', () => eval('function () {}'));
attempt('anonymous class statement', () => eval('class { }'));
attempt('property without colon', () => eval('({ a 1 })'));
attempt('await outside', () => eval('await load()'));
attempt('let let', () => eval('let let = 1'));
attempt('number then name', () => eval('3in []'));

attempt('function body', () => new Function('a', 'b', 'return a b'));
attempt('function end', () => new Function('return (1 + 2'));
attempt('function token', () => Function('x', 'return x ** * 2'));

attempt('group', () => new RegExp('(ab'));
attempt('unmatched', () => new RegExp('ab)'));
attempt('class', () => new RegExp('[a-', 'g'));
attempt('repeat', () => new RegExp('+a'));
attempt('range', () => RegExp('[9-0]'));
attempt('flags', () => new RegExp('a', 'gg'));
attempt('unknown flag', () => new RegExp('a', 'q'));
attempt('quantifier', () => new RegExp('a{3,2}'));
attempt('group name', () => new RegExp('(?<id>a)(?<id>b)'));
attempt('escape at end', () => new RegExp('ab\\'));

attempt('json trailing comma', () => JSON.parse('[1, 2,]'));
attempt('json quotes', () => JSON.parse("{'a': 1}"));
attempt('json cut', () => JSON.parse('{"a": tr'));
