'use strict';
// Cases shared by the checks of the engine's built-in module files: the
// values to inspect, the format calls, and the call sequences for util,
// events and path. Plain script for any engine (Node, or the SpiderMonkey
// shell): it defines `libCases`, whose sections each take one
// implementation ({ util, EventEmitter, path, process }) and return
// [label, text] pairs; two implementations agree when the pairs are equal.

// eslint-disable-next-line no-var
var libCases = (() => {
  // ---------------------------------------------------------------------------
  // Values for inspect

  function withStack(err, stack) {
    Object.defineProperty(err, 'stack', {
      value: stack, writable: true, configurable: true, enumerable: false,
    });
    return err;
  }

  function fixedError(Ctor, message, frames = 2) {
    const err = new Ctor(message);
    let stack = `${err.name}: ${message}`;
    for (let i = 0; i < frames; i++) {
      stack += `\n    at fn${i} (/srv/app/file${i}.js:${i + 1}:${i * 3 + 5})`;
    }
    return withStack(err, stack);
  }

  class Foo {
    constructor() { this.a = 1; this.b = 'two'; }
  }
  class Empty {}
  class Bar extends Foo {
    constructor() { super(); this.c = [1, 2, 3]; }
  }
  class WithTag {
    get [Symbol.toStringTag]() { return 'Tagged'; }
  }
  class WithCustom {
    constructor(text) { this.text = text; }
    [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
      return `Custom<${this.text}> depth=${depth} compact=${options.compact}`;
    }
  }
  class CustomObject {
    [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
      return { replaced: true, nested: { depth } };
    }
  }
  class CustomUsesInspect {
    constructor() { this.items = [1, 'x']; }
    [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
      return `Wrapped(${inspect(this.items, options)})\nsecond line`;
    }
  }
  class MyError extends Error {
    constructor(message) { super(message); this.name = 'MyError'; }
  }
  class MyMap extends Map {}
  class MySet extends Set {}
  class MyArray extends Array {}
  class MyPromise extends Promise {}
  function OldStyle() { this.x = 1; }
  OldStyle.prototype.method = function() {};
  function* gen() { yield 1; }
  async function asyncFn() {}
  async function* asyncGen() {}
  const arrow = () => {};
  const anonymous = (() => function() {})();
  const boundFn = function named() {}.bind(null);

  function fnWithProps() {}
  fnWithProps.prop = 1;
  fnWithProps.nested = { deep: { deeper: { deepest: 1 } } };

  class WithStatic { static count = 3; }

  function settled(promise) {
    promise.catch(() => {});
    return promise;
  }

  function argumentsOf() { return arguments; }

  function circularObject() {
    const o = { name: 'root', list: [1, 2] };
    o.self = o;
    o.list.push(o);
    return o;
  }

  function twoCircles() {
    const a = { name: 'a' };
    const b = { name: 'b', a };
    a.b = b;
    const holder = { a, b, again: a };
    holder.holder = holder;
    return holder;
  }

  function circularMap() {
    const m = new Map();
    m.set('me', m);
    m.set('other', { m });
    return m;
  }

  function sparse() {
    const arr = [1, , 3];
    arr[10] = 'ten';
    return arr;
  }

  function arrayWithExtras() {
    const arr = [1, 2, 3];
    arr.extra = 'yes';
    arr[Symbol('sym')] = 4;
    arr['-1'] = 'neg';
    return arr;
  }

  function objectWithAccessors() {
    const o = { plain: 1 };
    Object.defineProperty(o, 'getter', { get() { return 42; }, enumerable: true });
    Object.defineProperty(o, 'both', { get() { return { x: 1 }; }, set(v) {}, enumerable: true });
    Object.defineProperty(o, 'setter', { set(v) {}, enumerable: true });
    Object.defineProperty(o, 'hidden', { value: 'h', enumerable: false });
    Object.defineProperty(o, 'throws', { get() { throw new Error('nope'); }, enumerable: true });
    Object.defineProperty(o, 'nullish', { get() { return null; }, enumerable: true });
    Object.defineProperty(o, 'text', { get() { return 'str'; }, set(v) {}, enumerable: true });
    return o;
  }

  function objectWithProtoKey() {
    const o = {};
    Object.defineProperty(o, '__proto__', { value: 1, enumerable: true, configurable: true, writable: true });
    o.normal = 2;
    return o;
  }

  function nullProtoWithKeys() {
    const o = Object.create(null);
    o.a = 1;
    o['b c'] = [1, 2];
    return o;
  }

  function errorWithProps() {
    const err = fixedError(Error, 'with props');
    err.code = 'E_CODE';
    err.details = { a: 1, b: [1, 2] };
    return err;
  }

  function errorWithCause() {
    const cause = fixedError(TypeError, 'root cause', 3);
    const err = fixedError(Error, 'outer');
    Object.defineProperty(err, 'cause', { value: cause, enumerable: false, writable: true, configurable: true });
    return err;
  }

  function errorWithoutStack() {
    const err = new RangeError('no stack');
    withStack(err, undefined);
    return err;
  }

  function errorNameChanged() {
    const err = fixedError(Error, 'renamed');
    err.name = 'CustomName';
    return err;
  }

  function errorMessageless() {
    return withStack(new Error(), 'Error\n    at x (/a.js:1:1)');
  }

  function aggregate() {
    const err = new AggregateError([fixedError(Error, 'one', 1), fixedError(TypeError, 'two', 1)], 'many');
    return withStack(err, 'AggregateError: many\n    at top (/a.js:1:1)');
  }

  function nestedErrors() {
    return { list: [fixedError(Error, 'in array', 1)], map: new Map([['k', fixedError(SyntaxError, 'in map', 1)]]) };
  }

  function nullProtoError() {
    const err = fixedError(Error, 'nullproto', 1);
    Object.setPrototypeOf(err, null);
    return err;
  }

  function stringObjectWithProps() {
    // eslint-disable-next-line no-new-wrappers
    const s = new String('abc');
    s.extra = 1;
    return s;
  }

  function dateWithProps() {
    const d = new Date(Date.UTC(2020, 1, 29, 12, 30, 45, 123));
    d.note = 'leap';
    return d;
  }

  function regexpWithProps() {
    const r = /ab+c/gi;
    r.extra = true;
    return r;
  }

  function longStringArray() {
    const out = [];
    for (let i = 0; i < 30; i++) out.push(`item-${i}-${'x'.repeat(i % 7)}`);
    return out;
  }

  function mixedNumberArray() {
    const out = [];
    for (let i = 0; i < 40; i++) out.push(i * (i % 3 === 0 ? 1000 : 7) - 50);
    return out;
  }

  function wideObject() {
    const o = {};
    for (let i = 0; i < 12; i++) o[`property_${i}`] = i % 2 ? `value ${i}` : i * 1.5;
    return o;
  }

  function deepObject(levels) {
    let o = { leaf: true };
    for (let i = 0; i < levels; i++) o = { [`level${i}`]: o, sibling: i };
    return o;
  }

  function deepArray(levels) {
    let a = [1];
    for (let i = 0; i < levels; i++) a = [a, i];
    return a;
  }

  function proxyOf(target) {
    return new Proxy(target, {});
  }

  function revokedProxy() {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  }

  function weakMapWithEntries() {
    const key = { k: 1 };
    const wm = new WeakMap([[key, 'v']]);
    wm.keep = key;
    return wm;
  }

  function typedArrayWithProps() {
    const ta = new Uint8Array([1, 2, 3]);
    ta.extra = 'x';
    return ta;
  }

  function classWithToStringTagOwn() {
    const o = { a: 1 };
    Object.defineProperty(o, Symbol.toStringTag, { value: 'OwnTag', enumerable: false });
    return o;
  }

  function objectWithSymbols() {
    return { [Symbol('one')]: 1, [Symbol.iterator]: 2, [Symbol()]: 3, [Symbol('with\nnewline')]: 4, plain: 5 };
  }

  function functionWithNullProto() {
    const f = function nullish() {};
    Object.setPrototypeOf(f, null);
    return f;
  }

  function mapIteratorHalfUsed() {
    const it = new Map([[1, 'a'], [2, 'b'], [3, 'c']]).entries();
    it.next();
    return it;
  }

  const handWritten = [
    ['undefined', () => undefined],
    ['null', () => null],
    ['true', () => true],
    ['false', () => false],
    ['zero', () => 0],
    ['negative zero', () => -0],
    ['integer', () => 42],
    ['negative float', () => -3.25],
    ['big number', () => 123456789012345680000],
    ['tiny number', () => 1e-7],
    ['NaN', () => NaN],
    ['Infinity', () => Infinity],
    ['-Infinity', () => -Infinity],
    ['bigint', () => 12345678901234567890n],
    ['negative bigint', () => -5n],
    ['empty string', () => ''],
    ['plain string', () => 'hello world'],
    ['single quote string', () => "it's"],
    ['both quotes', () => 'say "it\'s"'],
    ['all quotes', () => 'a\'b"c`d'],
    ['quotes and template', () => 'a\'b"c${d}'],
    ['escapes', () => 'tab\tnew\nline\r\x00\x07\x1b\x7f\x85\\'],
    ['lone surrogates', () => 'a\ud800b\udc00c'],
    ['emoji', () => 'smile 😀 ok'],
    ['cjk', () => '漢字かな'],
    ['long string', () => 'lorem ipsum '.repeat(12)],
    ['long string newlines', () => 'first line of text\nsecond line that is long enough\nthird line here and there\n'.repeat(2)],
    ['long string escapes', () => `${'x'.repeat(120)}\n'quote'\x01`],
    ['string 5000', () => 'q'.repeat(5001)],
    ['string 16', () => 'sixteen chars!!!'],
    ['string 17', () => 'seventeen chars!!'],
    ['string 17 newline', () => 'seventeen\nchars!!'],
    ['symbol', () => Symbol('desc')],
    ['symbol empty', () => Symbol()],
    ['symbol registered', () => Symbol.for('reg')],
    ['symbol well-known', () => Symbol.iterator],
    ['empty array', () => []],
    ['small array', () => [1, 'two', null, undefined, true]],
    ['nested array', () => [[1, [2, [3, [4, [5]]]]]]],
    ['sparse array', sparse],
    ['holes only', () => new Array(5)],
    ['single hole', () => [, 1]],
    ['array extras', arrayWithExtras],
    ['array 7 numbers', () => [1, 2, 3, 4, 5, 6, 7]],
    ['array 26 numbers', () => Array.from({ length: 26 }, (_, i) => i * 3)],
    ['array 101', () => Array.from({ length: 101 }, (_, i) => i)],
    ['array 250 strings', () => Array.from({ length: 250 }, (_, i) => `s${i}`)],
    ['long string array', longStringArray],
    ['mixed number array', mixedNumberArray],
    ['bigint array', () => [1n, 22n, 333n, 4444n, 55555n, 666666n, 7777777n]],
    ['array of objects', () => [{ a: 1 }, { b: 2 }, { c: { d: 3 } }]],
    ['array of short words', () => ['a', 'bb', 'ccc', 'dddd', 'e', 'ff', 'ggg', 'hh', 'i', 'jjjjj', 'k', 'l']],
    ['MyArray', () => MyArray.from([1, 2, 3])],
    ['empty object', () => ({})],
    ['simple object', () => ({ a: 1, b: 'x', c: [1, 2], d: { e: null } })],
    ['quoted keys', () => ({ 'with space': 1, 'dash-key': 2, '1abc': 3, valid_id: 4, $dollar: 5, 'ünï': 6, "it's": 7, '': 8, 42: 9 })],
    ['symbol keys', objectWithSymbols],
    ['__proto__ key', objectWithProtoKey],
    ['accessors', objectWithAccessors],
    ['null proto', () => Object.create(null)],
    ['null proto keys', nullProtoWithKeys],
    ['object from null proto', () => Object.create(Object.create(null))],
    ['wide object', wideObject],
    ['deep object 3', () => deepObject(3)],
    ['deep object 5', () => deepObject(5)],
    ['deep array 4', () => deepArray(4)],
    ['circular object', circularObject],
    ['two circles', twoCircles],
    ['circular map', circularMap],
    ['circular array', () => { const a = [1]; a.push(a); return a; }],
    ['class instance', () => new Foo()],
    ['empty class instance', () => new Empty()],
    ['subclass instance', () => new Bar()],
    ['old style instance', () => new OldStyle()],
    ['toStringTag getter', () => new WithTag()],
    ['own toStringTag', classWithToStringTagOwn],
    ['toStringTag object', () => ({ [Symbol.toStringTag]: 'Visible', a: 1 })],
    ['custom inspect', () => new WithCustom('hi')],
    ['custom inspect object', () => new CustomObject()],
    ['custom inspect using inspect', () => ({ inner: new CustomUsesInspect() })],
    ['custom inspect nested', () => ({ list: [new WithCustom('a'), new WithCustom('b')] })],
    ['function', () => function namedFn() {}],
    ['arrow', () => arrow],
    ['anonymous function', () => anonymous],
    ['bound function', () => boundFn],
    ['function props', () => fnWithProps],
    ['generator function', () => gen],
    ['async function', () => asyncFn],
    ['async generator', () => asyncGen],
    ['class', () => Foo],
    ['subclass', () => Bar],
    ['class extends builtin', () => MyMap],
    ['class with static', () => WithStatic],
    ['anonymous class', () => (() => class {})()],
    ['anonymous class extends', () => (() => class extends Foo {})()],
    ['builtin function', () => Math.max],
    ['function null proto', functionWithNullProto],
    ['error', () => fixedError(Error, 'boom')],
    ['type error', () => fixedError(TypeError, 'bad type', 3)],
    ['my error', () => { const e = new MyError('mine'); return withStack(e, 'MyError: mine\n    at a (/b.js:1:1)'); }],
    ['error props', errorWithProps],
    ['error cause', errorWithCause],
    ['error no stack', errorWithoutStack],
    ['error renamed', errorNameChanged],
    ['error no message', errorMessageless],
    ['aggregate error', aggregate],
    ['errors nested', nestedErrors],
    ['error null proto', nullProtoError],
    ['error stack without frames', () => withStack(new Error('msg'), 'Error: msg')],
    ['error odd stack', () => withStack(new Error('msg'), 'something else entirely')],
    ['error cause primitive', () => withStack(new Error('c', { cause: 'just a string' }), 'Error: c\n    at q (/q.js:1:1)')],
    ['map', () => new Map([['a', 1], ['b', 2]])],
    ['map object keys', () => new Map([[{ k: 1 }, [1, 2]], [NaN, null]])],
    ['empty map', () => new Map()],
    ['map subclass', () => new MyMap([[1, 2]])],
    ['big map', () => new Map(Array.from({ length: 120 }, (_, i) => [i, `v${i}`]))],
    ['set', () => new Set([1])],
    ['set mixed', () => new Set(['a', { b: 1 }, [2]])],
    ['empty set', () => new Set()],
    ['set subclass', () => new MySet([1, 2])],
    ['set with props', () => { const s = new Set([1]); s.prop = 'p'; return s; }],
    ['big set', () => new Set(Array.from({ length: 30 }, (_, i) => i))],
    ['map entries iterator', () => new Map([[1, 'a'], [2, 'b']]).entries()],
    ['map keys iterator', () => new Map([[1, 'a']]).keys()],
    ['map values iterator', () => new Map([[1, 'a']]).values()],
    ['map iterator half used', mapIteratorHalfUsed],
    ['set values iterator', () => new Set([1, 2]).values()],
    ['set entries iterator', () => new Set([1, 2]).entries()],
    ['promise fulfilled', () => Promise.resolve(1)],
    ['promise pending', () => new Promise(() => {})],
    ['promise rejected error', () => settled(Promise.reject(fixedError(Error, 'rejected', 1)))],
    ['promise rejected value', () => settled(Promise.reject(42))],
    ['promise of object', () => Promise.resolve({ a: [1, { b: 2 }] })],
    ['promise subclass', () => MyPromise.resolve(3)],
    ['promise with props', () => { const p = Promise.resolve('x'); p.extra = 1; return p; }],
    ['promises in array', () => [Promise.resolve(1), new Promise(() => {}), settled(Promise.reject(new Map()))]],
    ['date', () => new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6))],
    ['invalid date', () => new Date(NaN)],
    ['date props', dateWithProps],
    ['regexp', () => /a[b-z]+\/x/gimsuy],
    ['regexp props', regexpWithProps],
    ['boxed number', () => Object(3)],
    ['boxed negative zero', () => Object(-0)],
    ['boxed string', () => Object('str')],
    ['boxed string props', stringObjectWithProps],
    ['boxed boolean', () => Object(false)],
    ['boxed bigint', () => Object(9n)],
    ['boxed symbol', () => Object(Symbol('boxed'))],
    ['weakmap', () => new WeakMap()],
    ['weakmap entries', weakMapWithEntries],
    ['weakset', () => new WeakSet([{}])],
    ['arguments', () => argumentsOf(1, 'a', [2])],
    ['empty arguments', () => argumentsOf()],
    ['uint8array', () => new Uint8Array([1, 2, 3, 255])],
    ['float64array', () => new Float64Array([1.5, -0, NaN, Infinity])],
    ['bigint64array', () => new BigInt64Array([1n, -2n])],
    ['empty typed array', () => new Int16Array(0)],
    ['typed array 200', () => new Uint16Array(200).map((_, i) => i * 3)],
    ['typed array props', typedArrayWithProps],
    ['arraybuffer', () => new Uint8Array([1, 2, 250, 16]).buffer],
    ['empty arraybuffer', () => new ArrayBuffer(0)],
    ['big arraybuffer', () => new ArrayBuffer(120)],
    ['dataview', () => new DataView(new ArrayBuffer(4), 1, 2)],
    ['generator object', () => gen()],
    ['proxy of object', () => proxyOf({ a: 1 })],
    ['proxy of array', () => proxyOf([1, 2])],
    ['proxy of function', () => proxyOf(function target() {})],
    ['revoked proxy', revokedProxy],
    ['global Math', () => Math],
    ['JSON', () => JSON],
    ['object with undefined', () => ({ u: undefined, n: null })],
    ['nested maps in arrays', () => [new Map([[1, new Set([2, 3])]]), new Set([new Map()])]],
    ['object with functions', () => ({ f() {}, g: () => 1, h: class {}, i: async () => {} })],
    ['mixed everything', () => ({
      num: 1, str: 'text', arr: [1, [2, [3, [4]]]], map: new Map([['k', { deep: { deeper: 1 } }]]),
      set: new Set([1]), date: new Date(0), re: /x/, err: fixedError(Error, 'inner', 1), fn: Foo,
      sym: Symbol('s'), big: 1n, nul: null, und: undefined, inst: new Foo(),
    })],
  ];

  // Deterministic generator of nested values.
  function makeRandom(seed) {
    let state = seed >>> 0;
    return () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
  }

  const keyPool = ['a', 'b', 'value', 'long_property_name', 'with space', 'x-y', '0', '12', 'ünïcode', "it's", 'camelCase', '$'];
  const stringPool = ['', 'short', "it's", 'a "quoted" word', 'line\nbreak', 'tab\t', 'a moderately long string value to fill up space', '漢字', '😀'];

  function generate(random, depth) {
    const pick = (list) => list[Math.floor(random() * list.length)];
    const kind = depth <= 0 ? Math.floor(random() * 7) : Math.floor(random() * 19);
    switch (kind) {
      case 0: return Math.floor(random() * 2000) - 1000;
      case 1: return pick(stringPool);
      case 2: return pick([true, false, null, undefined, NaN, -0, 0.5, 1e21]);
      case 3: return pick([1n, -77n, 10n ** 20n]);
      case 4: return Symbol(pick(['s', 'sym', '']));
      case 5: return random() * 1000;
      case 6: return pick(['x'.repeat(90), 'y'.repeat(20)]);
      case 7: case 8: {
        const length = Math.floor(random() * (random() < 0.3 ? 30 : 6));
        const arr = [];
        for (let i = 0; i < length; i++) arr.push(generate(random, depth - 1));
        return arr;
      }
      case 9: case 10: case 11: {
        const o = {};
        const count = Math.floor(random() * 7);
        for (let i = 0; i < count; i++) o[pick(keyPool)] = generate(random, depth - 1);
        return o;
      }
      case 12: {
        const m = new Map();
        const count = Math.floor(random() * 4);
        for (let i = 0; i < count; i++) m.set(generate(random, 0), generate(random, depth - 1));
        return m;
      }
      case 13: {
        const s = new Set();
        const count = Math.floor(random() * 5);
        for (let i = 0; i < count; i++) s.add(generate(random, depth - 1));
        return s;
      }
      case 14: {
        const inst = new Foo();
        inst.child = generate(random, depth - 1);
        return inst;
      }
      case 15: {
        const err = fixedError(pick([Error, TypeError, RangeError]), pick(['failed', 'x', 'bad input']), Math.floor(random() * 3));
        if (random() < 0.5) err.info = generate(random, depth - 1);
        return err;
      }
      case 16: return Promise.resolve(generate(random, depth - 1));
      case 17: {
        const o = Object.create(null);
        o[pick(keyPool)] = generate(random, depth - 1);
        return o;
      }
      default: {
        const length = 7 + Math.floor(random() * 40);
        const numbers = random() < 0.5;
        return Array.from({ length }, (_, i) => (numbers ? Math.floor(random() * 10 ** (1 + (i % 5))) : pick(stringPool)));
      }
    }
  }

  const optionSets = [
    undefined,
    { depth: 0 },
    { depth: 1 },
    { depth: 4 },
    { depth: null },
    { depth: Infinity, breakLength: 120 },
    { compact: false },
    { compact: 1 },
    { compact: 5 },
    { compact: true },
    { breakLength: 40 },
    { breakLength: Infinity },
    { sorted: true },
    { maxArrayLength: 3 },
    { maxArrayLength: 0 },
    { maxArrayLength: null },
    { maxStringLength: 5 },
    { getters: true },
    { getters: 'get' },
    { numericSeparator: true },
    { showHidden: true },
    { colors: true },
    { customInspect: false },
    { showProxy: true },
    { compact: true, breakLength: 30, depth: 1 },
    { breakLength: 20 },
  ];


  // ---------------------------------------------------------------------------

  // ---------------------------------------------------------------------------
  // Sections: each runs one implementation (Node's own modules, or the
  // library files under test) and returns [label, text] pairs to compare.

  function describersFor(util) {
    const describe = (value) => (typeof value === 'string' ? JSON.stringify(value) : util.inspect(value, { depth: 4 }));
    const outcome = (fn) => {
      try {
        return `= ${describe(fn())}`;
      } catch (err) {
        return `threw ${err && err.name} ${err && err.code} ${err && err.message}`;
      }
    };
    return { describe, outcome };
  }

  function inspectOne(util, make, options) {
    try {
      return util.inspect(make(), options);
    } catch (err) {
      return `threw ${err && err.message}`;
    }
  }

  function optionsLabel(options) {
    return options === undefined ? '(defaults)' : JSON.stringify(options);
  }

  function inspectSection(impl) {
    const { util } = impl;
    const out = [];
    for (const [label, make] of handWritten) {
      for (const options of optionSets) {
          out.push([`${label} ${optionsLabel(options)}`, inspectOne(util, make, options)]);
      }
    }
    // Legacy signature inspect(value, showHidden, depth, colors).
    out.push(['legacy depth argument', util.inspect(deepObject(4), false, 1, false)]);
    out.push(['legacy depth null', util.inspect(deepObject(4), false, null)]);
    out.push(['legacy showHidden true', util.inspect({ a: [1] }, true)]);
    return out;
  }

  function generatedSection(impl) {
    const { util } = impl;
    const out = [];
    const random = makeRandom(20240601);
    for (let i = 0; i < 400; i++) {
      const seed = Math.floor(random() * 2 ** 31);
      const depth = 1 + (i % 4);
      const make = () => generate(makeRandom(seed), depth);
      const options = [undefined, { depth: 4 }, { compact: false }, { breakLength: 60 }, { sorted: true, depth: 3 }, { compact: 1 }][i % 6];
      out.push([`generated #${i} seed ${seed} ${optionsLabel(options)}`, inspectOne(util, make, options)]);
    }
    // Generated values nested inside containers at several indentations.
    for (let i = 0; i < 60; i++) {
      const make = () => ({ outer: { inner: [generate(makeRandom(i + 1), 3)], map: new Map([['k', generate(makeRandom(i + 7), 2)]]) } });
      const options = i % 2 ? undefined : { depth: 5 };
      out.push([`generated nested #${i} ${optionsLabel(options)}`, inspectOne(util, make, options)]);
    }
    return out;
  }

  function inspectApiSection(impl) {
    const { util } = impl;
    const out = [];
    out.push(['inspect.custom', String(util.inspect.custom)]);
    out.push(['custom symbol is registered', String(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'))]);
    out.push(['defaultOptions', JSON.stringify(util.inspect.defaultOptions)]);
    out.push(['styles', JSON.stringify(util.inspect.styles)]);
    out.push(['colors', JSON.stringify(util.inspect.colors)]);
    out.push(['colors alias', JSON.stringify(util.inspect.colors.grey)]);
    out.push(['stripVTControlCharacters', util.stripVTControlCharacters('\u001b[31mred\u001b[39m')]);
    // Custom inspect functions see the same arguments.
    let text;
    const obj = {
      [util.inspect.custom](depth, options, inspect) {
        const keys = Object.keys(options).sort().join(',');
        text = `${depth} ${keys} ${typeof options.stylize} ${inspect === util.inspect}`;
        return 'x';
      },
    };
    util.inspect({ a: { b: obj } }, { depth: 5, userOption: 1 });
    out.push(['custom inspect arguments', text]);
    return out;
  }

  const deepEqualPairs = () => [
    [1, 1], [1, '1'], [NaN, NaN], [0, -0], [{ a: 1 }, { a: 1 }], [{ a: 1 }, { a: 2 }],
    [[1, 2], [1, 2]], [[1, 2], [2, 1]], [[1, , 3], [1, undefined, 3]], [new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])],
    [new Set([{ a: 1 }]), new Set([{ a: 1 }])], [new Set([1, 2]), new Set([2, 1])], [new Date(1), new Date(1)], [new Date(1), new Date(2)],
    [/a/g, /a/g], [/a/g, /a/i], [new Foo(), { a: 1, b: 'two' }], [new Foo(), new Foo()], [circularObject(), circularObject()],
    [new Uint8Array([1, 2]), new Uint8Array([1, 2])], [new Uint8Array([1, 2]), new Int8Array([1, 2])], [Object(1), Object(1)],
    [Object(1), 1], [new Error('a'), new Error('a')], [new Error('a'), new TypeError('a')], [{ [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 1 }],
    [{ [Symbol.for('s')]: 1 }, {}], [Object.create(null), {}], [[{ a: [1, { b: 2 }] }], [{ a: [1, { b: 2 }] }]],
    [new Map([[{}, 'a'], [{}, 'b']]), new Map([[{}, 'b'], [{}, 'a']])], [new ArrayBuffer(2), new ArrayBuffer(2)], [null, undefined],
    [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])], [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 3 }])],
    [Object(Symbol.iterator), Object(Symbol.iterator)], [[1, 2, 3], Object.assign([1, 2, 3], { extra: 1 })],
  ];

  const typeNames = [
    'isAsyncFunction', 'isGeneratorFunction', 'isGeneratorObject', 'isAnyArrayBuffer', 'isArrayBuffer', 'isSharedArrayBuffer',
    'isArrayBufferView', 'isArgumentsObject', 'isBoxedPrimitive', 'isNumberObject', 'isStringObject', 'isBooleanObject',
    'isBigIntObject', 'isSymbolObject', 'isDataView', 'isDate', 'isMap', 'isMapIterator', 'isNativeError', 'isPromise',
    'isProxy', 'isRegExp', 'isSet', 'isSetIterator', 'isTypedArray', 'isUint8Array', 'isUint8ClampedArray', 'isUint16Array',
    'isUint32Array', 'isInt8Array', 'isInt16Array', 'isInt32Array', 'isFloat32Array', 'isFloat64Array', 'isBigInt64Array',
    'isBigUint64Array', 'isWeakMap', 'isWeakSet',
  ];

  const typeValues = () => [
    new Map(), new Set(), new WeakMap(), new WeakSet(), new Date(), /x/, RegExp.prototype, Promise.resolve(), {},
    [], new Uint8Array(1), new Float32Array(1), new ArrayBuffer(1), new DataView(new ArrayBuffer(1)), gen, asyncFn, asyncGen,
    gen(), arrow, new Map().entries(), new Set().values(), argumentsOf(), Object(1), Object('s'), Object(true), Object(1n),
    Object(Symbol('s')), new Error('e'), new MyError('m'), Object.create(Error.prototype), proxyOf({}), null, 1, 'str',
    { [Symbol.toStringTag]: 'Error' }, new BigInt64Array(1), new Uint8ClampedArray(1),
  ];

  function utilSection(impl) {
    const { util, process } = impl;
    const { outcome } = describersFor(util);
    const out = [];
    deepEqualPairs().forEach(([a, b], i) => {
      out.push([`isDeepStrictEqual #${i}`, outcome(() => util.isDeepStrictEqual(a, b))]);
    });
    for (const name of typeNames) {
      out.push([`types.${name}`, typeValues().map((v) => util.types[name](v)).join(',')]);
    }

    // inherits
    function Parent() { this.p = 1; }
    Parent.prototype.hello = function() { return 'hi'; };
    function Child() { Parent.call(this); }
    util.inherits(Child, Parent);
    const c = new Child();
    out.push(['inherits', [c.hello(), c instanceof Parent, Child.super_ === Parent, c.p].join(' ')]);
    out.push(['inherits null ctor', outcome(() => util.inherits(null, Parent))]);
    out.push(['inherits null super', outcome(() => util.inherits(Child, null))]);
    out.push(['inherits no prototype', outcome(() => util.inherits(Child, Object.assign(() => {}, { prototype: undefined })))]);

    // deprecate: the warning goes through process.emitWarning once per code.
    const log = [];
    const saved = process.emitWarning;
    process.emitWarning = (...args) => log.push(args.slice(0, 3).map((a) => (typeof a === 'function' ? `function ${a.name}` : String(a))).join('/'));
    try {
      const fn = util.deprecate(function add(a, b) { return a + b; }, 'add is old', `DEP_TEST_X`);
      const fn2 = util.deprecate(function other() { return 1; }, 'other is old', `DEP_TEST_X`);
      const fn3 = util.deprecate(function third() { return 3; }, 'no code');
      log.push(fn(1, 2), fn(3, 4), fn2(), fn3(), fn3());
      class K { constructor() { this.k = 1; } }
      const DK = util.deprecate(K, 'K is old', `DEP_TEST_K`);
      const k = new DK();
      log.push(k.k, k instanceof DK, outcome(() => util.deprecate(() => {}, 'm', 5)));
    } finally {
      process.emitWarning = saved;
    }
    out.push(['deprecate', log.join(' | ')]);

    out.push(['promisify custom symbol', String(util.promisify.custom)]);
    out.push(['promisify bad', outcome(() => util.promisify(5))]);
    out.push(['callbackify bad', outcome(() => util.callbackify('x'))]);
    const names = ['format', 'formatWithOptions', 'inspect', 'inherits', 'deprecate', 'promisify', 'callbackify', 'isDeepStrictEqual', 'types', 'debuglog', 'stripVTControlCharacters'];
    out.push(['exported names', Object.keys(util).filter((k) => names.includes(k)).sort().join(',')]);
    return out;
  }

  function formatSection(impl) {
    const { util } = impl;
    const out = [];
    const { outcome, describe } = describersFor(util);
    const big = { a: { b: { c: { d: 1 } } }, list: [1, 2, 3] };
    const withToString = { toString() { return 'custom toString'; } };
    class WithToString { toString() { return 'class toString'; } }
    const circular = circularObject();
    const cases = [
      [],
      ['plain'],
      ['%s', 'str'],
      ['%s', 42],
      ['%s', -0],
      ['%s', 12n],
      ['%s', Symbol('s')],
      ['%s', null],
      ['%s', undefined],
      ['%s', big],
      ['%s', [1, [2, [3]]]],
      ['%s', withToString],
      ['%s', new WithToString()],
      ['%s', new Date(0)],
      ['%s', fixedError(Error, 'in format', 1)],
      ['%s', new Map([[1, 2]])],
      ['%s', () => 1],
      ['%d', '42'],
      ['%d', 42.5],
      ['%d', -0],
      ['%d', 10n],
      ['%d', Symbol('x')],
      ['%d', {}],
      ['%d', '0x10'],
      ['%i', '42.9px'],
      ['%i', 7n],
      ['%i', Symbol('x')],
      ['%i', -3.7],
      ['%f', '3.25abc'],
      ['%f', Symbol('x')],
      ['%f', 'x'],
      ['%j', { a: [1, 'b'] }],
      ['%j', circular],
      ['%j', undefined],
      ['%j', 1n === 1n ? 'str' : 0],
      ['%o', { a: [1, 2, { b: 3 }] }],
      ['%o', [1, 2, 3]],
      ['%O', big],
      ['%O', deepObject(4)],
      ['%c', 'color: red'],
      ['%c%s', 'css', 'after'],
      ['100%'],
      ['100%', 1],
      ['%%', 1],
      ['%% %s', 'x'],
      ['%s %s', 'only one'],
      ['%s', 'a', 'b', 3, { c: 4 }],
      ['%x %s', 'unknown', 'known'],
      ['no placeholders', 1, 'two', [3]],
      [1, 2, 3],
      [{ a: 1 }, 'str', 5],
      ['%s:%d:%i:%f:%j:%o:%O:%c', 'a', 1, 2.5, '3.5', [1], { o: 1 }, { O: 2 }, 'css'],
      ['trailing %', 'x'],
      ['%', 'x'],
      ['%s%', 'x'],
      ['a%sb%sc', 1, 2],
      [Symbol('first')],
      [null, undefined],
      ['%s', 'x'.repeat(100)],
      ['%s', Object.create(null)],
      ['%s', { [Symbol.toPrimitive]() { return 'prim'; } }],
      ['%s', new Foo()],
      ['%s', Object.assign(Object.create({ toString() { return 'proto toString'; } }), { a: 1 })],
      ['%d', '   12   '],
      ['%i', ''],
      ['%s', new Error('real error').message],
    ];
    cases.forEach((args, i) => {
      out.push([`format #${i} ${describe(args).slice(0, 60)}`, outcome(() => util.format(...args))]);
    });
    const optionCases = [
      [{ colors: true }, '%s %o', 'x', { a: 1 }, [1]],
      [{ compact: false }, { a: 1 }],
      [{ numericSeparator: true }, '%d %i %f %s', 1234567, 7654321.5, 1234.5678, 98765],
      [{ depth: 0 }, 'x', { a: { b: 1 } }],
      [[], 'array options'],
    ];
    optionCases.forEach(([options, ...args], i) => {
      out.push([`formatWithOptions #${i}`, outcome(() => util.formatWithOptions(options, ...args))]);
    });
    for (const bad of [null, 'str', 5, undefined]) {
      out.push([`formatWithOptions bad ${String(bad)}`, outcome(() => util.formatWithOptions(bad, 'x'))]);
    }
    return out;
  }

  function eventsSection(impl) {
    const { EventEmitter, util, process } = impl;
    const { outcome, describe } = describersFor(util);
    const log = [];
    const name = new Map();
    const label = (fn) => name.get(fn) || (fn && name.get(fn.listener)) || '?';
    const fn = (id, body) => {
      const f = function(...args) {
        log.push(`${id}(${args.map((a) => describe(a)).join(',')}) this=${this instanceof EventEmitter}`);
        if (body) return body.apply(this, args);
      };
      name.set(f, id);
      return f;
    };

    const e = new EventEmitter();
    log.push(`fresh: ${util.inspect(e)}`);
    e.on('newListener', (type, listener) => log.push(`newListener ${String(type)} ${label(listener)}`));
    e.on('removeListener', (type, listener) => log.push(`removeListener ${String(type)} ${label(listener)}`));
    const a = fn('a');
    const b = fn('b');
    const c = fn('c', function() { this.removeListener('x', d); });
    const d = fn('d');
    e.on('x', a).on('x', b);
    e.prependListener('x', c);
    e.addListener('x', d);
    e.once('x', fn('once1'));
    e.prependOnceListener('x', fn('oncePrepended'));
    log.push(`emit x: ${e.emit('x', 1, 'two')}`);
    log.push(`emit x again: ${e.emit('x', 3)}`);
    log.push(`emit none: ${e.emit('none')}`);
    log.push(`listeners: ${e.listeners('x').map(label).join(',')}`);
    log.push(`raw: ${e.rawListeners('x').map(label).join(',')}`);
    log.push(`count: ${e.listenerCount('x')} ${e.listenerCount('x', a)} ${e.listenerCount('none')} ${EventEmitter.listenerCount(e, 'x')}`);
    const sym = Symbol('symEvent');
    e.on(sym, fn('symListener'));
    log.push(`names: ${e.eventNames().map(String).join(',')}`);
    e.emit(sym, { obj: true });
    e.off('x', a);
    e.removeListener('x', fn('never added'));
    log.push(`after off: ${e.listeners('x').map(label).join(',')}`);
    e.removeAllListeners('x');
    log.push(`after removeAll x: ${e.listenerCount('x')} names: ${e.eventNames().map(String).join(',')}`);
    e.removeAllListeners();
    log.push(`after removeAll: ${e.eventNames().length} ${util.inspect(e)}`);

    // once wrappers visible through rawListeners
    const o = new EventEmitter();
    const onceFn = fn('onceOnly');
    o.once('y', onceFn);
    const raw = o.rawListeners('y')[0];
    log.push(`raw once: ${raw === onceFn} ${raw.listener === onceFn}`);
    raw('direct');
    log.push(`after direct call: ${o.listenerCount('y')}`);
    o.once('y', onceFn);
    o.removeListener('y', onceFn);
    log.push(`removed once by original: ${o.listenerCount('y')}`);

    // Listeners added during emit run next time only.
    const g = new EventEmitter();
    g.on('z', function first() { log.push('z first'); g.on('z', () => log.push('z added')); });
    g.emit('z');
    g.emit('z');

    // error rules
    const err = new Error('emitted');
    const errEmitter = new EventEmitter();
    log.push(`error no listener: ${outcome(() => errEmitter.emit('error', err))}`);
    log.push(`error same object: ${(() => { try { errEmitter.emit('error', err); } catch (thrown) { return thrown === err; } })()}`);
    log.push(`error string: ${outcome(() => errEmitter.emit('error', 'just text'))}`);
    log.push(`error object: ${outcome(() => errEmitter.emit('error', { code: 42 }))}`);
    log.push(`error nothing: ${outcome(() => errEmitter.emit('error'))}`);
    try {
      errEmitter.emit('error', { code: 7 });
    } catch (thrown) {
      log.push(`context: ${describe(thrown.context)} code: ${thrown.code} name: ${thrown.name}`);
    }
    errEmitter.on(EventEmitter.errorMonitor, (er) => log.push(`monitor ${er.message}`));
    log.push(`monitored: ${outcome(() => errEmitter.emit('error', new Error('watched')))}`);
    errEmitter.on('error', (er) => log.push(`handled ${er.message}`));
    log.push(`handled: ${errEmitter.emit('error', new Error('caught'))}`);

    // argument checks
    log.push(`bad listener: ${outcome(() => e.on('x', 'not a function'))}`);
    log.push(`bad once: ${outcome(() => e.once('x', null))}`);
    log.push(`bad remove: ${outcome(() => e.removeListener('x', 5))}`);
    log.push(`bad max: ${outcome(() => e.setMaxListeners(-1))}`);
    log.push(`bad max type: ${outcome(() => e.setMaxListeners('3'))}`);
    log.push(`bad default: ${outcome(() => { EventEmitter.defaultMaxListeners = NaN; })}`);

    // max listeners
    const saved = process.emitWarning;
    process.emitWarning = (w) => log.push(`warning ${w.name}: ${w.message} count=${w.count} type=${String(w.type)} emitter=${w.emitter === m}`);
    const m = new EventEmitter();
    try {
      log.push(`default max: ${m.getMaxListeners()} ${EventEmitter.defaultMaxListeners}`);
      for (let i = 0; i < 12; i++) m.on('leak', () => {});
      m.setMaxListeners(2);
      log.push(`set max: ${m.getMaxListeners()} ${EventEmitter.getMaxListeners(m)}`);
      for (let i = 0; i < 3; i++) m.on('other', () => {});
      m.setMaxListeners(0);
      for (let i = 0; i < 3; i++) m.on('unlimited', () => {});
      const tagged = new (class Custom extends EventEmitter {})();
      tagged.setMaxListeners(1);
      tagged.on(Symbol('s'), () => {}).on(Symbol('s'), () => {});
      tagged.on('two', () => {}).on('two', () => {});
      EventEmitter.defaultMaxListeners = 1;
      const fresh = new EventEmitter();
      fresh.on('q', () => {}).on('q', () => {});
      EventEmitter.defaultMaxListeners = 10;
      EventEmitter.setMaxListeners(5);
      log.push(`static set default: ${EventEmitter.defaultMaxListeners}`);
      EventEmitter.setMaxListeners(10);
      EventEmitter.setMaxListeners(4, m, fresh);
      log.push(`static set on targets: ${m.getMaxListeners()} ${fresh.getMaxListeners()}`);
    } finally {
      process.emitWarning = saved;
    }

    // subclassing and util.inherits
    class Sub extends EventEmitter {
      constructor() { super(); this.extra = true; }
    }
    const s = new Sub();
    s.on('ev', function() { log.push(`sub this ok ${this === s}`); });
    s.emit('ev');
    log.push(`sub inspect: ${util.inspect(s)}`);
    function Legacy() { EventEmitter.call(this); }
    util.inherits(Legacy, EventEmitter);
    const legacy = new Legacy();
    legacy.on('l', () => log.push('legacy fired'));
    legacy.emit('l');
    log.push(`legacy inspect: ${util.inspect(legacy, { showHidden: false })}`);

    // _events shape after removals
    const shape = new EventEmitter();
    shape.on('one', a);
    shape.on('two', b);
    shape.off('one', a);
    log.push(`shape: ${util.inspect(shape)} count=${shape._eventsCount}`);
    shape.off('two', b);
    log.push(`shape empty: ${util.inspect(shape)}`);

    log.push(`statics: ${typeof EventEmitter.once} ${typeof EventEmitter.on} ${EventEmitter.EventEmitter === EventEmitter} ${String(EventEmitter.errorMonitor)} ${String(EventEmitter.captureRejectionSymbol)} ${EventEmitter.captureRejections} ${EventEmitter.usingDomains}`);
    log.push(`getEventListeners: ${EventEmitter.getEventListeners(s, 'ev').length} ${outcome(() => EventEmitter.getEventListeners({}, 'x'))}`);
    log.push(`getMaxListeners bad: ${outcome(() => EventEmitter.getMaxListeners({}))}`);
    log.push(`proto names: ${Object.getOwnPropertyNames(EventEmitter.prototype).sort().join(',')}`);
    return log.map((line, i) => [`events step ${i}`, line]);
  }

  function pathSection(impl) {
    const { path } = impl;
    const out = [];
    const { outcome, describe } = describersFor(impl.util);
    const samples = [
      '', '/', '//', '///', '//a', '//a/b', '/a//', '.', '..', './', '../', 'a', 'a/', '/a', '/a/', 'a/b', '/a/b/c', '/a/b/c/', 'a//b', 'a/./b', 'a/../b',
      '/a/../../b', '../../a', 'a/b/../../..', '/foo/bar/baz/asdf/quux/..', 'file.txt', '/dir/file.txt', 'file.tar.gz', '.hidden',
      '/dir/.hidden', '..hidden', 'file.', 'dir/file.', '/a/b.c/d', 'a.b/', 'a.b//', '/x/y.z/', '...', '/...', 'a/.../b', '.a.b',
      'foo/bar/', './foo', '../foo/bar/..', '/foo/./bar/', 'ünïcode/päth.js', 'with space/f i l e.md', 'C:\\windows\\path',
    ];
    const fns = ['normalize', 'dirname', 'basename', 'extname', 'isAbsolute', 'parse', 'toNamespacedPath'];
    for (const fnName of fns) {
      for (const s of samples) {
        out.push([`${fnName}(${JSON.stringify(s)})`, outcome(() => path[fnName](s))]);
      }
    }
    const suffixes = ['.txt', 'txt', 'file.txt', '', '.gz', 'b', '/'];
    for (const s of ['file.txt', '/a/file.txt', 'file.txt/', 'a/b', '.txt', 'dir/.txt', 'x.gz/']) {
      for (const suffix of suffixes) {
        out.push([`basename(${JSON.stringify(s)}, ${JSON.stringify(suffix)})`, outcome(() => path.basename(s, suffix))]);
      }
    }
    const joins = [[], [''], ['', ''], ['a', 'b'], ['/a', 'b', '../c'], ['a', '', 'b'], ['/', 'a'], ['a/', '/b/'], ['.', '.'], ['..', 'a', '..', '..'],
      ['/foo', 'bar', 'baz/asdf', 'quux', '..'], ['a', '/b'], ['', '/x']];
    for (const args of joins) {
      out.push([`join(${JSON.stringify(args)})`, outcome(() => path.join(...args))]);
      out.push([`resolve(${JSON.stringify(args)})`, outcome(() => path.resolve(...args))]);
    }
    const relatives = [['/a/b', '/a/b/c'], ['/a/b/c', '/a/b'], ['/', '/a'], ['/a', '/'], ['/a/b', '/c/d'], ['a', 'b'], ['/a/b', '/a/b'],
      ['/data/orandea/test/aaa', '/data/orandea/impl/bbb'], ['', ''], ['/foo/bar', '/foo/barbaz'], ['/foo/barbaz', '/foo/bar'], ['x/y', '/abs']];
    for (const [from, to] of relatives) {
      out.push([`relative(${from}, ${to})`, outcome(() => path.relative(from, to))]);
    }
    const formats = [{ dir: '/a', base: 'b.txt' }, { root: '/', base: 'x' }, { root: '/', dir: '/', name: 'n', ext: 'e' }, { name: 'n', ext: '.e' },
      { dir: 'd', name: 'n', ext: 'e', base: 'wins' }, {}, { root: '/r/', dir: '/r/', base: 'f' }];
    for (const f of formats) {
      out.push([`format(${JSON.stringify(f)})`, outcome(() => path.format(f))]);
    }
    for (const s of samples) {
      const parsed = path.parse(s);
      out.push([`format(parse(${JSON.stringify(s)}))`, outcome(() => path.format(parsed))]);
    }
    const badInputs = [undefined, null, 1, {}, ['a'], true, Symbol('p'), 12n, () => {}, "it's a string"];
    for (const bad of badInputs) {
      for (const fnName of ['normalize', 'dirname', 'basename', 'extname', 'isAbsolute', 'parse']) {
        out.push([`${fnName}(bad ${describe(bad)})`, outcome(() => path[fnName](bad))]);
      }
      out.push([`join(bad ${describe(bad)})`, outcome(() => path.join('a', bad))]);
      out.push([`resolve(bad ${describe(bad)})`, outcome(() => path.resolve('a', bad))]);
      out.push([`relative(bad ${describe(bad)})`, outcome(() => path.relative(bad, 'a'))]);
      out.push([`format(bad ${describe(bad)})`, outcome(() => path.format(bad))]);
      out.push([`basename suffix(bad ${describe(bad)})`, outcome(() => (bad === undefined ? 'skip' : path.basename('a', bad)))]);
    }
    out.push(['sep', path.sep]);
    out.push(['delimiter', path.delimiter]);
    out.push(['posix is itself', String(path.posix === path)]);
    return out;
  }

  return {
    sections: {
      inspect: inspectSection,
      generated: generatedSection,
      inspectApi: inspectApiSection,
      format: formatSection,
      util: utilSection,
      events: eventsSection,
      path: pathSection,
    },
  };
})();
globalThis.libCases = libCases;
