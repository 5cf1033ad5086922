'use strict';
// Cases shared by the checks of the engine's buffer, encoding, structuredClone,
// timers/promises and assert files. Plain script for any engine (Node, or the
// SpiderMonkey shell): it defines `libCases2`. Each section takes one
// implementation ({ Buffer, buffer, TextEncoder, TextDecoder, structuredClone,
// DOMException, assert, timersPromises, util }) and returns [label, text]
// pairs (the async ones a promise of them); two implementations agree when
// the pairs are equal. Random inputs come from a seeded generator, so both
// runs see the same ones.

// eslint-disable-next-line no-var
var libCases2 = (() => {
  // ---------------------------------------------------------------------------
  // Helpers

  function random(seed) {
    let state = seed >>> 0;
    const next = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    next.int = (n) => Math.floor(next() * n);
    next.pick = (list) => list[next.int(list.length)];
    return next;
  }

  function hexOf(bytes) {
    let text = '';
    for (const byte of bytes) text += (byte < 16 ? '0' : '') + byte.toString(16);
    return text;
  }

  // V8 and SpiderMonkey print different frames: keep what is not a frame.
  function withoutFrames(text) {
    return text.split('\n').filter((line) => !/^\s+at /.test(line) && !/^[^ ]*@\S*:\d+:\d+$/.test(line)).join('\n');
  }

  function describeError(err, util) {
    if (err === null || typeof err !== 'object')
      return `threw ${typeof err} ${String(err)}`;
    const keys = Object.keys(err).filter((k) => k !== 'stack').join(',');
    return `threw ${err.name} ${err.code} ${JSON.stringify(err.message)} keys=${keys} ` +
      `first=${JSON.stringify(String(err.stack).split('\n')[0])}`;
  }

  function outcome(util, fn) {
    try {
      const value = fn();
      return `= ${typeof value === 'string' ? JSON.stringify(value) : util.inspect(value, { depth: 6 })}`;
    } catch (err) {
      return describeError(err, util);
    }
  }

  const encodings = ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'utf16le',
    'ucs2', 'ucs-2', 'UTF8', 'Hex', 'BASE64'];
  const decodeEncodings = ['utf8', 'hex', 'base64', 'base64url', 'latin1', 'ascii', 'utf16le'];

  // Strings with every kind of character: ASCII, Latin-1, the BMP, astral
  // pairs and lone surrogates.
  const charPool = [
    'a', 'Z', '0', ' ', '\n', '\t', '\0', '~', '\x7f', '\x80', '\xe9', '\xff', '\u0100', '\u07ff', '\u0800', '\u20ac',
    '\u4e2d', '\ufeff', '\uffff', '\ud83d\ude00', '\ud800\udc00', '\udbff\udfff', '\ud800', '\udfff', '\ud83d', '+',
    '/', '=', '-', '_',
  ];
  function randomString(rand, maxLength) {
    let text = '';
    const length = rand.int(maxLength + 1);
    for (let i = 0; i < length; i++) text += rand.pick(charPool);
    return text;
  }

  function randomBytes(rand, maxLength) {
    const length = rand.int(maxLength + 1);
    const bytes = [];
    const mode = rand.int(4);
    for (let i = 0; i < length; i++) {
      if (mode === 0) bytes.push(rand.int(256));
      else if (mode === 1) bytes.push(rand.pick([0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x90, 0x8f]));
      else if (mode === 2) bytes.push(rand.int(128));
      else bytes.push(rand.pick([0x00, 0xd8, 0xdc, 0x3d, 0xde, 0xff, 0xfe, 0x41]));
    }
    return bytes;
  }

  // ---------------------------------------------------------------------------
  // Buffer: encodings

  const fixedStrings = [
    '', 'hello', 'héllo wörld', '日本語', '😀 emoji', 'a\ud800b', '\udc00', '\ud83d', 'x\ud83d\ude00\ud83d',
    '\u0000\u0001\u007f\u0080\u00ff', 'ÿþ', '\ufeffbom', 'aGVsbG8gd29ybGQ=', 'aGVsbG8', 'YQ', 'YQ=', 'Y', '=YQ',
    'YW Jj', 'YW\nJj', 'YW=Jj', 'YWJj====YWJj', '!!YWJj', 'a-_b', '+/+/', '68656c6c6f', 'abcdefg', 'zz', '0g', 'f',
    'AbCdEf12', ' 68', '6 8', 'Ā', 'ĀĀ', '\u0130', 'ab\u0131', '🎉'.repeat(20), 'long '.repeat(1000),
  ];

  function bufferEncodings({ Buffer }) {
    const out = [];
    for (const s of fixedStrings) {
      for (const enc of encodings) {
        const label = `from(${JSON.stringify(s.slice(0, 40))}, ${enc})`;
        try {
          const buf = Buffer.from(s, enc);
          out.push([label, `${hexOf(buf).slice(0, 400)} len=${buf.length} byteLength=${Buffer.byteLength(s, enc)}`]);
        } catch (err) {
          out.push([label, describeError(err)]);
        }
      }
    }
    const rand = random(0x5eed);
    for (let n = 0; n < 300; n++) {
      const bytes = randomBytes(rand, n < 200 ? 12 : 64);
      const buf = Buffer.from(bytes);
      for (const enc of decodeEncodings) {
        const text = buf.toString(enc);
        const back = Buffer.from(text, enc);
        out.push([`bytes ${hexOf(bytes)} toString(${enc})`, `${JSON.stringify(text)} back=${hexOf(back)}`]);
      }
    }
    for (let n = 0; n < 250; n++) {
      const s = randomString(rand, n < 150 ? 6 : 40);
      for (const enc of decodeEncodings) {
        const buf = Buffer.from(s, enc);
        out.push([`string ${JSON.stringify(s)} ${enc}`,
          `${hexOf(buf)} byteLength=${Buffer.byteLength(s, enc)} round=${JSON.stringify(buf.toString(enc))}`]);
      }
    }
    // Invalid UTF-8: each maximal invalid subsequence is one U+FFFD.
    const invalid = [
      [0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xc2], [0xc2, 0x41], [0xe0, 0x80, 0x80], [0xe0, 0xa0],
      [0xe0, 0xa0, 0x41], [0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xef, 0xbf, 0xbf], [0xf0, 0x80, 0x80, 0x80],
      [0xf0, 0x90, 0x80], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80],
      [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe], [0xff, 0xfe], [0xe2, 0x82], [0xe2, 0x82, 0xac, 0xe2], [0x41, 0xc3],
      [0xc3, 0xa9, 0xc3], [0xe1, 0x80, 0xe2, 0xf0, 0x91, 0x92, 0xf1, 0xbf, 0x41],
    ];
    for (const bytes of invalid) {
      const buf = Buffer.from(bytes);
      out.push([`invalid utf8 ${hexOf(bytes)}`, `${JSON.stringify(buf.toString())} ${JSON.stringify(buf.toString('utf8', 1))}`]);
    }
    // write() with room for part of the string only.
    const writes = ['héllo', '😀😀', 'abc', '\ud800x', '日本', 'aGVsbG8=', '68656c6c6f'];
    for (const s of writes) {
      for (const enc of ['utf8', 'utf16le', 'latin1', 'ascii', 'hex', 'base64']) {
        for (const [size, offset, length] of [[0, 0, undefined], [1, 0, undefined], [3, 0, undefined], [4, 1, undefined],
          [5, 0, 2], [8, 2, 5], [16, 0, undefined]]) {
          const buf = Buffer.alloc(size, 0xaa);
          const label = `write(${JSON.stringify(s)}, ${offset}, ${length}, ${enc}) into ${size}`;
          try {
            const written = length === undefined ? buf.write(s, offset, enc) : buf.write(s, offset, length, enc);
            out.push([label, `${written} ${hexOf(buf)}`]);
          } catch (err) {
            out.push([label, describeError(err)]);
          }
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------
  // Buffer: the rest of the API

  function bufferApi({ Buffer, buffer, util }) {
    const out = [];
    const check = (label, fn) => out.push([label, outcome(util, fn)]);
    const hex = (buf) => hexOf(buf);

    check('alloc(5)', () => hex(Buffer.alloc(5)));
    check('alloc(5, 1)', () => hex(Buffer.alloc(5, 1)));
    check('alloc(5, "ab")', () => hex(Buffer.alloc(5, 'ab')));
    check('alloc(5, "aGk=", "base64")', () => hex(Buffer.alloc(5, 'aGk=', 'base64')));
    check('alloc(4, "é", "latin1")', () => hex(Buffer.alloc(4, 'é', 'latin1')));
    check('alloc(7, "é")', () => hex(Buffer.alloc(7, 'é')));
    check('alloc(3, "")', () => hex(Buffer.alloc(3, '')));
    check('alloc(3, Buffer)', () => hex(Buffer.alloc(3, Buffer.from([1, 2]))));
    check('alloc(3, "zz", "hex")', () => hex(Buffer.alloc(3, 'zz', 'hex')));
    check('alloc(3, "a", "nope")', () => hex(Buffer.alloc(3, 'a', 'nope')));
    check('alloc(-1)', () => Buffer.alloc(-1));
    check('alloc("5")', () => Buffer.alloc('5'));
    check('alloc(2.5)', () => Buffer.alloc(2.5).length);
    check('alloc(NaN)', () => Buffer.alloc(NaN));
    check('alloc(3, 257)', () => hex(Buffer.alloc(3, 257)));
    check('alloc(3, -1)', () => hex(Buffer.alloc(3, -1)));
    check('alloc(3, true)', () => hex(Buffer.alloc(3, true)));
    check('allocUnsafe(3).length', () => Buffer.allocUnsafe(3).length);
    check('allocUnsafeSlow(3).length', () => Buffer.allocUnsafeSlow(3).length);
    check('allocUnsafe(-1)', () => Buffer.allocUnsafe(-1));
    check('Buffer(3)', () => hex(Buffer(3)));
    check('new Buffer("ab")', () => hex(new Buffer('ab')));
    check('Buffer(3, "utf8")', () => Buffer(3, 'utf8'));

    check('from([1, 256, -1, 3.7, "4", null])', () => hex(Buffer.from([1, 256, -1, 3.7, '4', null])));
    check('from(arrayLike)', () => hex(Buffer.from({ length: 3, 0: 1, 2: 3 })));
    check('from({type: Buffer})', () => hex(Buffer.from({ type: 'Buffer', data: [5, 6] })));
    check('from(new String)', () => hex(Buffer.from(new String('hey'))));
    check('from(toPrimitive)', () => hex(Buffer.from({ [Symbol.toPrimitive]: () => 'prim' })));
    check('from(valueOf array)', () => hex(Buffer.from({ valueOf: () => [7, 8] })));
    check('from(5)', () => Buffer.from(5));
    check('from(null)', () => Buffer.from(null));
    check('from({})', () => hex(Buffer.from({})));
    check('from(Symbol)', () => Buffer.from(Symbol('s')));
    check('from("x", "nope")', () => Buffer.from('x', 'nope'));
    check('from("x", 5)', () => hex(Buffer.from('x', 5)));
    check('from({length: "3"})', () => hex(Buffer.from({ length: '3' })));
    check('from(Uint16Array)', () => hex(Buffer.from(new Uint16Array([1, 0x1234, 0xffff]))));
    check('from(Float64Array)', () => hex(Buffer.from(new Float64Array([1.5, -2]))));
    const ab = new ArrayBuffer(8);
    new Uint8Array(ab).set([1, 2, 3, 4, 5, 6, 7, 8]);
    check('from(ab)', () => hex(Buffer.from(ab)));
    check('from(ab, 2)', () => hex(Buffer.from(ab, 2)));
    check('from(ab, 2, 3)', () => hex(Buffer.from(ab, 2, 3)));
    check('from(ab, "2", "3")', () => hex(Buffer.from(ab, '2', '3')));
    check('from(ab, 9)', () => Buffer.from(ab, 9));
    check('from(ab, 2, 7)', () => Buffer.from(ab, 2, 7));
    check('from(ab, -1)', () => Buffer.from(ab, -1));
    check('from(ab, NaN, -5)', () => hex(Buffer.from(ab, NaN, -5)));
    check('from(ab) shares memory', () => {
      const b = Buffer.from(ab, 1, 2);
      b[0] = 99;
      return new Uint8Array(ab)[1];
    });
    check('from(buffer) copies', () => {
      const a = Buffer.from([1, 2]);
      const b = Buffer.from(a);
      b[0] = 9;
      return `${a[0]} ${b[0]}`;
    });
    check('of(1, 2, 300)', () => hex(Buffer.of(1, 2, 300)));
    check('copyBytesFrom', () => hex(Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1)));
    check('copyBytesFrom([])', () => Buffer.copyBytesFrom([1]));

    check('isBuffer', () => [Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer('x'),
      Buffer.isBuffer(Buffer.from('a').subarray(0)), Buffer.isBuffer(Buffer.alloc(2).map((x) => x))]);
    check('isEncoding', () => ['utf8', 'UTF-8', 'hex', 'HEX', 'ucs-2', 'utf16le', 'binary', 'latin1', 'base64url',
      'ascii', 'utf-16le', 'utf32', '', 'raw', null, 1].map((e) => Buffer.isEncoding(e)));
    check('byteLength', () => [Buffer.byteLength('héllo'), Buffer.byteLength('héllo', 'latin1'),
      Buffer.byteLength('aGVsbG8=', 'base64'), Buffer.byteLength('aGVsbG8', 'base64url'), Buffer.byteLength('abc', 'hex'),
      Buffer.byteLength('abc', 'nope'), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new ArrayBuffer(5)),
      Buffer.byteLength('😀', 'ucs2'), Buffer.byteLength('=', 'base64'), Buffer.byteLength('==', 'base64')]);
    check('byteLength(5)', () => Buffer.byteLength(5));

    check('concat', () => hex(Buffer.concat([Buffer.from([1]), new Uint8Array([2, 3]), Buffer.alloc(0)])));
    check('concat length short', () => hex(Buffer.concat([Buffer.from([1, 2]), Buffer.from([3])], 2)));
    check('concat length long', () => hex(Buffer.concat([Buffer.from([1, 2])], 4)));
    check('concat []', () => Buffer.concat([]).length);
    check('concat("x")', () => Buffer.concat('x'));
    check('concat([1])', () => Buffer.concat([[1]]));
    check('concat([buf, "x"])', () => Buffer.concat([Buffer.from('a'), 'x']));
    check('concat length -1', () => Buffer.concat([Buffer.from('a')], -1));

    const a = Buffer.from('abc');
    const b = Buffer.from('abd');
    check('compare', () => [Buffer.compare(a, b), Buffer.compare(b, a), Buffer.compare(a, a),
      Buffer.compare(a, Buffer.from('ab')), Buffer.compare(Buffer.from(''), a), a.compare(b), a.compare(b, 0, 2, 0, 2),
      a.compare(b, 1, 3, 1, 3), a.compare(b, 2, 3, 2, 3), a.compare(b, 0, 0), a.compare(b, 3), a.compare(b, 0, 1, 1)]);
    check('compare("x")', () => Buffer.compare(a, 'x'));
    check('compare targetEnd out of range', () => a.compare(b, 0, 9));
    check('compare sourceStart -1', () => a.compare(b, 0, 1, -1));
    check('compare targetStart 9', () => a.compare(b, 9, 9));
    check('equals', () => [a.equals(b), a.equals(Buffer.from('abc')), a.equals(new Uint8Array([97, 98, 99])), a.equals(a)]);
    check('equals("abc")', () => a.equals('abc'));

    check('copy', () => {
      const target = Buffer.alloc(6, 0xff);
      const n = Buffer.from('hello').copy(target, 1, 1, 4);
      return `${n} ${hex(target)}`;
    });
    check('copy overflow', () => {
      const target = Buffer.alloc(3);
      return `${Buffer.from('hello').copy(target, 1)} ${hex(target)}`;
    });
    check('copy to itself', () => {
      const buf = Buffer.from('abcdef');
      buf.copy(buf, 2, 0, 4);
      return buf.toString();
    });
    check('copy args', () => [Buffer.from('ab').copy(Buffer.alloc(2), 5), Buffer.from('ab').copy(Buffer.alloc(2), '1'),
      Buffer.from('ab').copy(Buffer.alloc(2), 0, 2), Buffer.from('ab').copy(Buffer.alloc(2), 0, 1.5)]);
    check('copy sourceStart -1', () => Buffer.from('ab').copy(Buffer.alloc(2), 0, -1));
    check('copy targetStart -1', () => Buffer.from('ab').copy(Buffer.alloc(2), -1));
    check('copy sourceStart 3', () => Buffer.from('ab').copy(Buffer.alloc(2), 0, 3));
    check('copy to array', () => Buffer.from('ab').copy([0, 0]));

    check('slice shares memory', () => {
      const buf = Buffer.from('hello');
      const part = buf.slice(1, 3);
      part[0] = 0x45;
      return `${buf} ${part} ${part.length} ${Buffer.isBuffer(part)}`;
    });
    check('subarray args', () => {
      const buf = Buffer.from('abcdef');
      return [buf.subarray(-2), buf.subarray(2, -1), buf.subarray(4, 2), buf.subarray(NaN, 3), buf.subarray('1', '3'),
        buf.slice(10), buf.slice(-100, 2), buf.slice(1.7, 3.2), buf.slice(undefined, 2)].map(String);
    });

    const hay = Buffer.from('abcabc héllo 😀 abc');
    check('indexOf', () => [hay.indexOf('abc'), hay.indexOf('abc', 1), hay.indexOf('abc', -3), hay.indexOf('zz'),
      hay.indexOf(''), hay.indexOf('', 4), hay.indexOf('', 100), hay.indexOf(98), hay.indexOf(98 + 256), hay.indexOf(-1),
      hay.indexOf(Buffer.from('bc')), hay.indexOf(new Uint8Array([0x61])), hay.indexOf('é'), hay.indexOf('😀'),
      hay.indexOf('6c6c', 'hex'), hay.indexOf('YWJj', 'base64'), hay.indexOf('abc', 'latin1'), hay.indexOf('abc', null),
      hay.indexOf('abc', {}), hay.indexOf('abc', 3.5), hay.indexOf('abc', -100), hay.indexOf('abc', 100),
      hay.indexOf('bc', 'ascii'), hay.indexOf(0x61, -4)]);
    check('lastIndexOf', () => [hay.lastIndexOf('abc'), hay.lastIndexOf('abc', 5), hay.lastIndexOf('abc', -5),
      hay.lastIndexOf('abc', 0), hay.lastIndexOf(''), hay.lastIndexOf('', 3), hay.lastIndexOf(97), hay.lastIndexOf(97, 2),
      hay.lastIndexOf(Buffer.from('c')), hay.lastIndexOf('abc', -100), hay.lastIndexOf('abc', 100),
      hay.lastIndexOf('zzz'), hay.lastIndexOf(Buffer.from('abc'), 3)]);
    const wide = Buffer.from('abcabcxyz', 'utf16le');
    check('indexOf ucs2', () => [wide.indexOf('abc', 0, 'ucs2'), wide.indexOf('abc', 1, 'utf16le'),
      wide.indexOf('bc', 0, 'ucs2'), wide.lastIndexOf('abc', undefined, 'ucs2'), wide.indexOf('', 0, 'ucs2'),
      wide.indexOf(Buffer.from('b\u0000', 'latin1'), 0, 'ucs2'), Buffer.from('a\u0000b').indexOf('\u0000b', 0, 'ucs2'),
      wide.indexOf('z', -2, 'ucs2'), Buffer.from([0x61, 0x00, 0x62]).indexOf('b', 0, 'ucs2')]);
    check('includes', () => [hay.includes('héllo'), hay.includes('hello'), hay.includes(0x20), hay.includes('abc', 16)]);
    check('indexOf({})', () => hay.indexOf({}));
    check('indexOf("a", 0, "nope")', () => hay.indexOf('a', 0, 'nope'));
    check('indexOf(buf, 0, "nope")', () => hay.indexOf(Buffer.from('a'), 0, 'nope'));

    check('fill', () => {
      const buf = Buffer.alloc(10);
      return [hex(buf.fill('ab', 1, 5)), hex(buf.fill(0x41, 8)), hex(buf.fill('é')), hex(buf.fill('6162', 'hex')),
        hex(buf.fill('x', 2, 'latin1')), hex(buf.fill(Buffer.from([1, 2, 3]), 1)), hex(buf.fill('')), hex(buf.fill(300)),
        hex(buf.fill('😀', 0, 7)), hex(buf.fill(null)), hex(buf.fill(2.5))];
    });
    check('fill end > length', () => Buffer.alloc(2).fill(1, 0, 3));
    check('fill offset -1', () => Buffer.alloc(2).fill(1, -1));
    check('fill "zz" hex', () => Buffer.alloc(2).fill('zz', 'hex'));
    check('fill "a" nope', () => Buffer.alloc(2).fill('a', 'nope'));
    check('fill "a" 0 2 5', () => Buffer.alloc(2).fill('a', 0, 2, 5));
    check('fill offset >= end', () => hex(Buffer.alloc(3).fill(1, 2, 1)));

    check('toJSON', () => JSON.stringify({ b: Buffer.from('hi'), e: Buffer.alloc(0) }));
    check('toString args', () => {
      const buf = Buffer.from('hello world');
      return [buf.toString('utf8', 2), buf.toString('utf8', -3, 4), buf.toString('utf8', 3, 100), buf.toString('hex', 1, 3),
        buf.toString(undefined, 1, 3), buf.toString('utf8', 4, 2), buf.toString('utf8', '2', '5'), buf.toString('utf8', 1.9, 3.9),
        buf.toString('utf8', NaN, NaN), buf.toString('utf8', 100), buf.toString(null), buf.toString('utf8', 0, undefined),
        buf.toLocaleString()];
    });
    check('toString("nope")', () => Buffer.from('a').toString('nope'));
    check('toString("")', () => Buffer.from('a').toString(''));
    check('String(buf)', () => `${Buffer.from('x y')}`);
    check('swap16', () => hex(Buffer.from([1, 2, 3, 4]).swap16()));
    check('swap32', () => hex(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32()));
    check('swap64', () => hex(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64()));
    check('swap16 odd', () => Buffer.from([1, 2, 3]).swap16());
    check('swap16 big', () => hex(Buffer.alloc(300).fill('ab').swap16()).slice(0, 20));
    check('parent/offset', () => [Buffer.alloc(2).parent instanceof ArrayBuffer, typeof Buffer.alloc(2).offset]);
    check('constants', () => buffer.constants);
    check('kMaxLength', () => [buffer.kMaxLength, buffer.kStringMaxLength, buffer.INSPECT_MAX_BYTES]);
    check('atob/btoa', () => [buffer.btoa('hello'), buffer.atob('aGVsbG8='), buffer.atob(' aGVs bG8 '), buffer.btoa('\xff\xfe'),
      buffer.atob('YQ'), buffer.atob('YR==')]);
    const base64Pool = 'ABCabc012+/=-_ \t\n\r\f\u00e9\u0100!*';
    const base64Random = random(0xa70b);
    for (let n = 0; n < 400; n++) {
      let text = '';
      const length = base64Random.int(10);
      for (let i = 0; i < length; i++) text += base64Random.pick(base64Pool);
      check(`atob(${JSON.stringify(text)})`, () => buffer.atob(text));
      if (n % 4 === 0) check(`btoa(${JSON.stringify(text)})`, () => buffer.btoa(text));
    }
    check('atob("a")', () => buffer.atob('a'));
    check('atob("a*")', () => buffer.atob('a*bc'));
    check('btoa("€")', () => buffer.btoa('€'));
    check('atob()', () => buffer.atob());
    check('isUtf8', () => [buffer.isUtf8(Buffer.from('héllo')), buffer.isUtf8(Buffer.from([0xc3])), buffer.isAscii(Buffer.from('abc')),
      buffer.isAscii(Buffer.from('é')), buffer.isUtf8(new ArrayBuffer(2))]);
    check('isUtf8("x")', () => buffer.isUtf8('x'));
    check('Buffer.poolSize', () => Buffer.poolSize);
    const transcodings = ['utf8', 'ucs2', 'utf16le', 'latin1', 'binary', 'ascii', 'UTF-8', 'hex', 'base64', 'nope', undefined];
    const transcodeRandom = random(0x7c0d);
    for (let n = 0; n < 120; n++) {
      const bytes = n < 60 ? Buffer.from(randomBytes(transcodeRandom, 8)) :
        Buffer.from(randomString(transcodeRandom, 6), transcodeRandom.pick(['utf8', 'ucs2', 'latin1']));
      for (const from of transcodings) {
        for (const to of transcodings) {
          check(`transcode ${hex(bytes)} ${from} ${to}`, () => hex(buffer.transcode(bytes, from, to)));
        }
      }
    }
    const ignorable = Buffer.from('\u200b\ufeff\u00ad\u034f x\u2060\ue000\u{E0001}\u{1D173}\ufffd\u0100');
    for (const to of ['ascii', 'latin1'])
      check(`transcode ignorables to ${to}`, () => [hex(buffer.transcode(ignorable, 'utf8', to)),
        hex(buffer.transcode(Buffer.from(ignorable.toString(), 'ucs2'), 'ucs2', to))]);
    check('transcode("abc")', () => buffer.transcode('abc', 'utf8', 'latin1'));
    check('transcode error', () => {
      try {
        buffer.transcode(Buffer.from([0xff]), 'utf8', 'ucs2');
      } catch (err) {
        return [err.name, err.code, err.errno, err.message, Object.keys(err)];
      }
    });
    check('Buffer shape', () => [typeof Buffer, Buffer.name, Buffer.length, Object.getPrototypeOf(Buffer) === Uint8Array,
      Buffer.prototype instanceof Uint8Array, Buffer.from('a').constructor === Buffer, Buffer.from('a') instanceof Buffer,
      Buffer[Symbol.species] === Buffer, Buffer.from('ab').map((x) => x + 1) instanceof Buffer,
      Object.prototype.toString.call(Buffer.from('a'))]);

    // Numbers
    const numberMethods = [
      ['UInt8', 1], ['Int8', 1], ['UInt16LE', 2], ['UInt16BE', 2], ['Int16LE', 2], ['Int16BE', 2], ['UInt32LE', 4],
      ['UInt32BE', 4], ['Int32LE', 4], ['Int32BE', 4], ['FloatLE', 4], ['FloatBE', 4], ['DoubleLE', 8], ['DoubleBE', 8],
    ];
    const values = [0, 1, -1, 127, 128, 255, 256, -128, -129, 32767, -32768, 65535, 65536, 2 ** 31 - 1, -(2 ** 31),
      2 ** 32 - 1, 2 ** 32, 1.5, -0.1, NaN, Infinity, 3.4e38, 1e-45, '7', null];
    for (const [name, size] of numberMethods) {
      for (const value of values) {
        check(`write${name}(${String(value)})`, () => {
          const buf = Buffer.alloc(size + 2, 0xee);
          const end = buf[`write${name}`](value, 1);
          return `${end} ${hex(buf)} read=${buf[`read${name}`](1)}`;
        });
      }
      for (const offset of [undefined, -1, size + 2 - size + 1, 1.5, '1', NaN, 100]) {
        check(`read${name}(${String(offset)})`, () => Buffer.alloc(size + 2, 0x81)[`read${name}`](offset));
        check(`write${name}(1, ${String(offset)})`, () => Buffer.alloc(size + 2)[`write${name}`](1, offset));
      }
    }
    for (const name of ['UIntLE', 'UIntBE', 'IntLE', 'IntBE']) {
      for (const byteLength of [1, 2, 3, 4, 5, 6, 0, 7]) {
        check(`write${name}/read${name} ${byteLength}`, () => {
          const buf = Buffer.alloc(8);
          const value = name.startsWith('U') ? 2 ** (byteLength * 8 - 1) + 3 : -(2 ** (byteLength * 8 - 2)) - 3;
          const end = buf[`write${name}`](value, 1, byteLength);
          return `${end} ${hex(buf)} ${buf[`read${name}`](1, byteLength)}`;
        });
      }
      check(`write${name} too big`, () => Buffer.alloc(8)[`write${name}`](2 ** 50, 0, 6));
      check(`read${name} no length`, () => Buffer.alloc(8)[`read${name}`](0));
    }
    for (const name of ['BigUInt64LE', 'BigUInt64BE', 'BigInt64LE', 'BigInt64BE', 'BigUint64LE']) {
      for (const value of [0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n - 1n, 2n ** 64n]) {
        check(`write${name}(${value}n)`, () => {
          const buf = Buffer.alloc(9);
          const end = buf[`write${name}`](value, 1);
          return `${end} ${hex(buf)} ${buf[`read${name}`](1)}`;
        });
      }
      check(`write${name}(1)`, () => Buffer.alloc(8)[`write${name}`](1));
    }

    // Inspection
    for (const length of [0, 1, 2, 49, 50, 51, 52, 100]) {
      const buf = Buffer.alloc(length);
      for (let i = 0; i < length; i++) buf[i] = (i * 37) & 255;
      check(`inspect length ${length}`, () => util.inspect(buf));
    }
    const withProps = Buffer.from('abc');
    withProps.name = 'x';
    withProps[Symbol('tag')] = { deep: [1, 2] };
    check('inspect with properties', () => util.inspect(withProps));
    check('inspect with properties showHidden', () => util.inspect(withProps, { showHidden: true }));
    const emptyWithProps = Buffer.alloc(0);
    emptyWithProps.note = 'n';
    check('inspect empty with property', () => util.inspect(emptyWithProps));
    check('inspect nested', () => util.inspect({ a: [Buffer.from('hi'), { b: Buffer.alloc(60, 1) }], m: new Map([[1, Buffer.from([9])]]) }));
    check('inspect deep', () => util.inspect({ a: { b: { c: { d: Buffer.from('x') } } } }));
    check('inspect depth 0', () => util.inspect([Buffer.from('x')], { depth: 0 }));
    check('inspect compact false', () => util.inspect({ b: Buffer.from('xy') }, { compact: false }));
    check('inspect subarray', () => util.inspect(Buffer.from('hello').subarray(1, 3)));
    check('format %s %o %j', () => util.format('%s | %o | %j | %d', Buffer.from('ab'), Buffer.from('c'), Buffer.from('d'), Buffer.from('1')));
    check('inspect customInspect false', () => util.inspect(Buffer.from('ab'), { customInspect: false }));
    check('inspect INSPECT_MAX_BYTES 4', () => {
      const before = buffer.INSPECT_MAX_BYTES;
      buffer.INSPECT_MAX_BYTES = 4;
      try {
        return util.inspect(Buffer.from('hello'));
      } finally {
        buffer.INSPECT_MAX_BYTES = before;
      }
    });
    check('INSPECT_MAX_BYTES = "x"', () => { buffer.INSPECT_MAX_BYTES = 'x'; });
    check('inspect Buffer.prototype.inspect', () => Buffer.from('z').inspect());
    return out;
  }

  // ---------------------------------------------------------------------------
  // TextEncoder / TextDecoder

  function textEncoding({ TextEncoder, TextDecoder, util }) {
    const out = [];
    const check = (label, fn) => out.push([label, outcome(util, fn)]);
    const encoder = new TextEncoder();
    const rand = random(0xc0de);
    for (let n = 0; n < 200; n++) {
      const s = randomString(rand, 12);
      const bytes = encoder.encode(s);
      const decoded = new TextDecoder().decode(bytes);
      out.push([`encode ${JSON.stringify(s)}`, `${hexOf(bytes)} ${bytes.constructor.name} ${JSON.stringify(decoded)}`]);
      for (const size of [0, 1, 3, 5, 100]) {
        const dest = new Uint8Array(size);
        const result = encoder.encodeInto(s, dest);
        out.push([`encodeInto ${JSON.stringify(s)} ${size}`, `${result.read} ${result.written} ${hexOf(dest)}`]);
      }
    }
    for (let n = 0; n < 200; n++) {
      const bytes = new Uint8Array(randomBytes(rand, 16));
      for (const [label, options] of [['utf-8', {}], ['utf-8', { fatal: true }], ['utf-8', { ignoreBOM: true }],
        ['utf-16le', {}], ['utf-16be', {}], ['latin1', {}], ['utf-16le', { fatal: true }]]) {
        check(`decode ${hexOf(bytes)} ${label} ${JSON.stringify(options)}`, () => new TextDecoder(label, options).decode(bytes));
      }
      // The same bytes in chunks, streamed.
      const cut1 = rand.int(bytes.length + 1);
      const cut2 = cut1 + rand.int(bytes.length - cut1 + 1);
      for (const label of ['utf-8', 'utf-16le', 'windows-1252']) {
        check(`stream ${hexOf(bytes)} at ${cut1},${cut2} ${label}`, () => {
          const decoder = new TextDecoder(label);
          return [decoder.decode(bytes.subarray(0, cut1), { stream: true }),
            decoder.decode(bytes.subarray(cut1, cut2), { stream: true }), decoder.decode(bytes.subarray(cut2)),
            decoder.decode(bytes)];
        });
      }
    }
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xef, 0xbb, 0xbf]);
    check('BOM', () => [new TextDecoder().decode(bom), new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom),
      new TextDecoder('utf-16le').decode(new Uint8Array([0xff, 0xfe, 0x41, 0])),
      new TextDecoder('utf-16be').decode(new Uint8Array([0xfe, 0xff, 0, 0x41]))]);
    check('stream BOM', () => {
      const d = new TextDecoder();
      return [d.decode(bom.subarray(0, 2), { stream: true }), d.decode(bom.subarray(2), { stream: true }),
        d.decode(bom), d.decode(bom, { stream: true })];
    });
    check('decode inputs', () => {
      const d = new TextDecoder();
      return [d.decode(), d.decode(undefined), d.decode(new ArrayBuffer(2)), d.decode(new DataView(new Uint8Array([0x68, 0x69]).buffer)),
        d.decode(new Uint16Array([0x6968])), d.decode(new Uint8Array([1, 0x68, 0x69]).subarray(1))];
    });
    check('decode("x")', () => new TextDecoder().decode('x'));
    check('decode(null)', () => new TextDecoder().decode(null));
    check('utf-16le decode("x")', () => new TextDecoder('utf-16le').decode('x'));
    check('latin1 decode(5)', () => new TextDecoder('latin1').decode(5));
    check('latin1 fatal', () => [new TextDecoder('latin1', { fatal: true }).decode(new Uint8Array()),
      new TextDecoder('latin1', { fatal: true, ignoreBOM: false }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x80]))]);
    check('latin1 stream then whole', () => {
      const d = new TextDecoder('latin1');
      return [d.decode(new Uint8Array([0x80]), { stream: true }), d.decode(new Uint8Array([0x80]))];
    });
    check('fatal error', () => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])));
    check('fatal stream end', () => {
      const d = new TextDecoder('utf-8', { fatal: true });
      d.decode(new Uint8Array([0xe2, 0x82]), { stream: true });
      return d.decode();
    });
    check('fatal utf-16le', () => new TextDecoder('utf-16le', { fatal: true }).decode(new Uint8Array([0, 0xdc])));
    check('after fatal error', () => {
      const d = new TextDecoder('utf-8', { fatal: true });
      try { d.decode(new Uint8Array([0xe2]), { stream: true }); d.decode(new Uint8Array([0x41])); } catch {}
      return d.decode(new Uint8Array([0x42]));
    });
    const labels = ['utf-8', 'UTF8', ' utf-8\n', 'unicode-1-1-utf-8', 'utf-16', 'UTF-16LE', 'utf-16be', 'ucs-2', 'unicode',
      'latin1', 'ascii', 'us-ascii', 'iso-8859-1', 'windows-1252', 'l1', 'cp1252', 'utf7', 'nope', '', 'utf-32', 'x-user-defined'];
    for (const label of labels) {
      check(`label ${JSON.stringify(label)}`, () => {
        const d = new TextDecoder(label);
        return [d.encoding, d.fatal, d.ignoreBOM];
      });
    }
    check('options', () => [new TextDecoder('utf-8', { fatal: 1 }).fatal, new TextDecoder('utf-8', null).fatal,
      new TextDecoder(undefined, { ignoreBOM: 'yes' }).ignoreBOM, new TextDecoder('utf-8', []).fatal]);
    check('options 5', () => new TextDecoder('utf-8', 5));
    check('label object', () => new TextDecoder({ toString: () => 'utf-16le' }).encoding);
    check('encoder', () => [encoder.encoding, encoder.encode().length, Array.from(encoder.encode(5)),
      Array.from(encoder.encode(null)), Array.from(encoder.encode({ toString: () => 'é' }))]);
    check('encodeInto(5)', () => encoder.encodeInto(5, new Uint8Array(2)));
    check('encodeInto array', () => encoder.encodeInto('a', [0]));
    check('encodeInto buffer', () => {
      const dest = new Uint8Array(new ArrayBuffer(8), 2, 4);
      return [encoder.encodeInto('héllo', dest), Array.from(new Uint8Array(dest.buffer))];
    });
    check('invalid this', () => TextDecoder.prototype.decode.call({}));
    check('invalid this encoding', () => Object.getOwnPropertyDescriptor(TextEncoder.prototype, 'encoding').get.call({}));
    check('toStringTag', () => [Object.prototype.toString.call(encoder), Object.prototype.toString.call(new TextDecoder())]);
    check('prototype keys', () => [Object.keys(TextEncoder.prototype), Object.keys(TextDecoder.prototype)]);
    check('inspect', () => [util.inspect(encoder), util.inspect(new TextDecoder('utf-16le', { fatal: true })),
      util.inspect({ nested: new TextDecoder() })]);
    return out;
  }

  // ---------------------------------------------------------------------------
  // structuredClone

  // How a clone is built: the type and prototype of each value, the keys, and
  // which paths reach the same object.
  function signature(value, util) {
    const seen = new Map();
    const lines = [];
    const walk = (v, path, depth) => {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
        lines.push(`${path}: ${typeof v} ${typeof v === 'bigint' ? `${v}n` : Object.is(v, -0) ? '-0' : String(v)}`);
        return;
      }
      if (seen.has(v)) {
        lines.push(`${path}: same as ${seen.get(v)}`);
        return;
      }
      seen.set(v, path);
      const proto = Object.getPrototypeOf(v);
      const ctor = proto === null ? 'null' : proto === Object.prototype ? 'Object' :
        (proto.constructor && proto.constructor.name) || '?';
      const tag = Object.prototype.toString.call(v);
      const own = Object.getOwnPropertyNames(v).filter((k) => !['fileName', 'lineNumber', 'columnNumber', 'stack'].includes(k));
      lines.push(`${path}: ${tag} ${ctor} own=[${own.join(',')}] keys=[${Object.keys(v).join(',')}]` +
        (Array.isArray(v) ? ` length=${v.length}` : ''));
      if (depth > 8) return;
      if (util.types.isArrayBufferView(v)) {
        lines.push(`${path}.buffer offset=${v.byteOffset} length=${v.byteLength} bufferLength=${v.buffer.byteLength}`);
        walk(v.buffer, `${path}.buffer`, depth + 1);
        return;
      }
      if (util.types.isMap(v)) {
        let i = 0;
        for (const [k, item] of v) {
          walk(k, `${path}.key${i}`, depth + 1);
          walk(item, `${path}.value${i++}`, depth + 1);
        }
      }
      if (util.types.isSet(v)) {
        let i = 0;
        for (const item of v) walk(item, `${path}.item${i++}`, depth + 1);
      }
      if (util.types.isNativeError(v)) {
        lines.push(`${path} name=${v.name} message=${JSON.stringify(v.message)} stack=${typeof v.stack}`);
        if ('cause' in v) walk(v.cause, `${path}.cause`, depth + 1);
      }
      if (util.types.isRegExp(v)) lines.push(`${path} ${String(v)} lastIndex=${v.lastIndex}`);
      if (util.types.isDate(v)) lines.push(`${path} time=${v.getTime()}`);
      if (util.types.isBoxedPrimitive(v)) lines.push(`${path} value=${typeof v.valueOf()} ${String(v.valueOf())}`);
      for (const key of Object.keys(v)) walk(v[key], `${path}.${key}`, depth + 1);
    };
    walk(value, '$', 0);
    return lines.join('\n');
  }

  function randomGraph(rand) {
    const made = [];
    const leaf = () => rand.pick([
      () => rand.int(1000) - 500, () => rand.int(3) === 0 ? -0 : NaN, () => `s${rand.int(100)}`, () => true,
      () => null, () => undefined, () => BigInt(rand.int(1e6)) * 1000000007n, () => new Date(rand.int(2e12)),
      () => /ab+c/gi, () => new Number(rand.int(9)), () => new String('str'), () => new Boolean(rand.int(2)),
      () => Object(BigInt(rand.int(9))), () => new Uint8Array([rand.int(256), 1, 2]),
      () => new Float64Array([1.5, -2.25]), () => new RangeError(`bad ${rand.int(9)}`),
      () => new Error('with cause', { cause: rand.int(9) }), () => new ArrayBuffer(rand.int(5)), () => 1.5e300,
    ])();
    const node = (depth) => {
      if (depth > 3 || rand.int(4) === 0) {
        if (made.length > 0 && rand.int(5) === 0) return rand.pick(made);
        return leaf();
      }
      const kind = rand.int(5);
      let value;
      if (kind === 0) {
        value = {};
        made.push(value);
        const count = rand.int(4);
        for (let i = 0; i < count; i++) value[rand.pick(['a', 'b', 'c', '1', '0', 'long key', 'x'])] = node(depth + 1);
      } else if (kind === 1) {
        value = [];
        made.push(value);
        const count = rand.int(5);
        for (let i = 0; i < count; i++) {
          if (rand.int(4) === 0) value.length++;
          else value.push(node(depth + 1));
        }
        if (rand.int(4) === 0) value.extra = node(depth + 1);
      } else if (kind === 2) {
        value = new Map();
        made.push(value);
        const count = rand.int(3);
        for (let i = 0; i < count; i++) value.set(rand.int(2) ? node(depth + 1) : `k${i}`, node(depth + 1));
      } else if (kind === 3) {
        value = new Set();
        made.push(value);
        const count = rand.int(3);
        for (let i = 0; i < count; i++) value.add(node(depth + 1));
      } else {
        const buffer = new ArrayBuffer(16);
        const bytes = new Uint8Array(buffer);
        for (let i = 0; i < 16; i++) bytes[i] = rand.int(256);
        value = { whole: bytes, part: new Uint16Array(buffer, 2, 3), view: new DataView(buffer, 4, 8),
          other: new Int32Array(buffer, 8, 2) };
        made.push(value);
      }
      return value;
    };
    const root = node(0);
    // Circular references back to the root.
    if (root !== null && typeof root === 'object' && !ArrayBuffer.isView(root) && rand.int(2) === 0) {
      if (root instanceof Map) root.set('self', root);
      else if (root instanceof Set) root.add(root);
      else root.self = root;
    }
    return root;
  }

  function clones({ structuredClone, util }) {
    const out = [];
    const check = (label, value) => {
      try {
        const clone = structuredClone(value);
        const distinct = clone !== value || clone === null || typeof clone !== 'object';
        if (label === 'error cause') {
          // Its inspection depends on how deep the stack of the run is.
          out.push([label, `${signature(clone, util)}\ndistinct=${distinct}`]);
          return;
        }
        out.push([label, `${withoutFrames(util.inspect(clone, { depth: Infinity, showHidden: false }))}\n` +
          `${signature(clone, util)}\ndistinct=${distinct}`]);
      } catch (err) {
        out.push([label, `threw ${err.name} ${err.code} ${JSON.stringify(err.message)} ` +
          `${Object.prototype.toString.call(err)} ${err instanceof Error}`]);
      }
    };
    class Point {
      constructor() { this.x = 1; this.y = { z: 2 }; }
      get sum() { return 3; }
    }
    class MyError extends Error {
      constructor(message) { super(message); this.name = 'MyError'; this.extra = 1; }
    }
    const renamed = new Error('renamed');
    renamed.name = 'TypeError';
    const unknownName = new Error('unknown');
    unknownName.name = 'Custom';
    const errorWithProps = new RangeError('props');
    errorWithProps.code = 'E_X';
    const numberMessage = new Error('x');
    numberMessage.message = 42;
    const noStack = new Error('no stack');
    Object.defineProperty(noStack, 'stack', { value: undefined, configurable: true, writable: true });
    const customStack = new Error('custom stack');
    Object.defineProperty(customStack, 'stack', { value: 'Error: custom stack\n    at nowhere (x.js:1:1)', configurable: true, writable: true });
    // Same frames in both: inspect writes "... 4 lines matching cause stack trace ...".
    const frames = '\n    at a (/x.js:1:1)\n    at b (/x.js:2:2)\n    at c (/x.js:3:3)\n    at d (/x.js:4:4)';
    const causeFixed = new Error('outer', { cause: new TypeError('inner') });
    Object.defineProperty(causeFixed, 'stack', { value: `Error: outer${frames}`, configurable: true, writable: true });
    Object.defineProperty(causeFixed.cause, 'stack', { value: `TypeError: inner${frames}`, configurable: true, writable: true });
    const causeCycle = new Error('cycle');
    causeCycle.cause = causeCycle;
    const regexp = /x/y;
    regexp.lastIndex = 4;
    regexp.extra = 1;
    const sparse = [1, , 3];
    sparse[9] = 'nine';
    sparse.named = 'n';
    const shared = { shared: true };
    const buffer = new ArrayBuffer(8);
    const getterObject = { a: 1 };
    Object.defineProperty(getterObject, 'g', { get() { return 'got'; }, enumerable: true });
    Object.defineProperty(getterObject, 'hidden', { value: 1, enumerable: false });
    getterObject[Symbol('s')] = 1;
    const deleting = { a: 1, b: 2, c: 3 };
    Object.defineProperty(deleting, 'b', { get() { delete this.c; return 'b'; }, enumerable: true, configurable: true });
    const arrayShrinks = [1, 2, 3];
    Object.defineProperty(arrayShrinks, 0, { get() { arrayShrinks.length = 1; return 'x'; }, enumerable: true, configurable: true });

    const fixed = [
      ['undefined', undefined], ['null', null], ['number', 1.5], ['-0', -0], ['NaN', NaN], ['string', 'héllo'],
      ['bigint', 10n ** 30n], ['true', true], ['plain', { a: 1, b: 'two', c: [1, 2, { d: null }] }],
      ['nested arrays', [[1, [2, [3, [4]]]]]], ['sparse', sparse], ['empty array with length', new Array(5)],
      ['class instance', new Point()], ['null prototype', Object.assign(Object.create(null), { k: 'v' })],
      ['inherited', Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } })],
      ['getters', getterObject], ['getter deletes', deleting], ['array getter shrinks', arrayShrinks],
      ['date', new Date(86400000)], ['invalid date', new Date(NaN)], ['regexp', regexp], ['regexp flags', /a.b/gimsu],
      ['map', new Map([[1, 'a'], [{ k: 1 }, new Set([1])], [NaN, -0]])], ['set', new Set([1, 'a', { o: 1 }, [2]])],
      ['boxed', [new Number(-0), new String('s'), new Boolean(false), Object(5n)]],
      ['error', new Error('plain')], ['type error', new TypeError('typed')], ['my error', new MyError('mine')],
      ['renamed error', renamed], ['unknown name', unknownName], ['error props', errorWithProps],
      ['error cause', new Error('outer', { cause: new TypeError('inner') })], ['error cause, fixed stacks', causeFixed],
      ['number message', numberMessage],
      ['empty message', new Error('')], ['no message', new SyntaxError()], ['no stack', noStack],
      ['custom stack', customStack], ['cause cycle', causeCycle], ['eval error', new EvalError('e')],
      ['uri error', new URIError('u')], ['reference error', new ReferenceError('r')],
      ['aggregate error', new AggregateError([new Error('one')], 'agg')],
      ['array buffer', buffer], ['typed arrays', [new Int8Array([-1, 2]), new Uint8ClampedArray([300]), new Int16Array([-300]),
        new Uint32Array([4e9]), new Float32Array([1.1]), new BigUint64Array([2n ** 64n - 1n]), new BigInt64Array([-5n])]],
      ['views share', { a: new Uint8Array(buffer, 1, 3), b: new DataView(buffer), c: buffer }],
      ['buffer subclass', new (class Bytes extends Uint8Array {})([1, 2])],
      ['shared refs', [shared, shared, { again: shared }]], ['math', Math], ['json', JSON],
      ['symbol keyed only', { [Symbol('a')]: 1 }],
    ];
    for (const [label, value] of fixed) check(label, value);

    const cyclic = { name: 'root' };
    cyclic.self = cyclic;
    cyclic.list = [cyclic, { back: cyclic }];
    cyclic.map = new Map([[cyclic, cyclic]]);
    check('cycles', cyclic);

    const uncloneable = [
      ['arrow', () => {}], ['function', function named(a, b) { return a + b; }], ['class', class Klass {}],
      ['native function', Math.max], ['bound function', function f() {}.bind(null)], ['symbol', Symbol('desc')],
      ['symbol no description', Symbol()], ['symbol in object', { s: Symbol.iterator }], ['function in array', [1, () => 2]],
      ['weakmap', new WeakMap()], ['weakset', new WeakSet()], ['weakref', new WeakRef({})], ['promise', Promise.resolve(1)],
      ['generator', (function* gen() {})()], ['async generator', (async function* agen() {})()],
      ['map iterator', new Map().keys()], ['array iterator', [].values()], ['arguments', (function() { return arguments; })(1)],
      ['symbol object', Object(Symbol('boxed'))], ['proxy', new Proxy({}, {})], ['proxy of array', new Proxy([1], {})],
      ['proxy of class instance', new Proxy(new Point(), {})], ['global', globalThis],
      ['promise subclass', new (class MyPromise extends Promise {})(() => {})],
      ['weakmap subclass', new (class MyWeakMap extends WeakMap {})()],
      ['null proto weakmap', Object.setPrototypeOf(new WeakMap(), null)], ['async function', async function af() {}],
      ['method', { m() { return 1; } }.m], ['getter throws', { get bad() { throw new Error('getter failed'); } }],
    ];
    for (const [label, value] of uncloneable) check(`uncloneable ${label}`, value);

    const rand = random(0xc10e);
    for (let n = 0; n < 150; n++) check(`graph ${n}`, randomGraph(rand));

    const attempt = (label, fn) => out.push([label, outcome(util, fn)]);
    attempt('no argument', () => structuredClone());
    attempt('length and name', () => [structuredClone.length, structuredClone.name]);
    attempt('options null', () => structuredClone(1, null));
    attempt('options string', () => structuredClone(1, 'x'));
    attempt('transfer undefined', () => structuredClone(2, { transfer: undefined }));
    attempt('transfer 5', () => structuredClone(1, { transfer: 5 }));
    attempt('transfer [1]', () => structuredClone(1, { transfer: [1] }));
    attempt('transfer buffer', () => {
      const ab = new ArrayBuffer(4);
      new Uint8Array(ab)[0] = 7;
      const view = new Uint8Array(ab, 1, 2);
      const clone = structuredClone({ ab, view }, { transfer: [ab] });
      return [ab.byteLength, clone.ab.byteLength, clone.ab === clone.view.buffer, new Uint8Array(clone.ab)[0],
        clone.view.byteOffset, view.length];
    });
    attempt('transfer duplicate', () => {
      const ab = new ArrayBuffer(4);
      return structuredClone(1, { transfer: [ab, ab] });
    });
    attempt('error is a DOMException', () => {
      try {
        structuredClone(() => {});
      } catch (err) {
        return [err.name, err.code, err.constructor.name, Object.keys(err), withoutFrames(util.inspect(err)).split('\n')[0],
          String(err), Object.prototype.toString.call(err)];
      }
    });
    return out;
  }

  // ---------------------------------------------------------------------------
  // assert

  function describeAssertion(err, util) {
    if (!err || typeof err !== 'object')
      return `threw ${String(err)}`;
    const inspected = withoutFrames(util.inspect(err)).split('\n').filter((line) => line !== '').join('\n');
    return `${err.name} ${err.code} generated=${err.generatedMessage} operator=${err.operator}\n` +
      `message=${JSON.stringify(err.message)}\nactual=${withoutFrames(util.inspect(err.actual))} ` +
      `expected=${withoutFrames(util.inspect(err.expected))}\n` +
      `stack=${JSON.stringify(String(err.stack).split('\n')[0])}\ninspect=${inspected}`;
  }

  function assertions({ assert, util }) {
    const out = [];
    const run = (label, fn) => {
      try {
        fn();
        out.push([label, 'no throw']);
      } catch (err) {
        out.push([label, describeAssertion(err, util)]);
      }
    };
    class Foo {
      constructor() { this.a = 1; }
    }
    const big = {};
    for (let i = 0; i < 30; i++) big[`key${i}`] = i;
    const bigOther = { ...big, key15: 'changed' };
    const longArray = Array.from({ length: 60 }, (_, i) => i);
    const longArrayOther = longArray.map((x) => (x === 30 ? -1 : x));

    // The source of the calls below is read back by assert.ok: keep one call per line.
    run('ok(false)', () => assert.ok(false));
    run('ok(0)', () => assert.ok(0));
    run('assert(null)', () => assert(null));
    run('ok expression', () => assert.ok(typeof 123 === 'string'));
    run('assert expression', () => assert(1 + 1 === 3));
    run('ok with string', () => assert.ok('a' === 'b' && "c" !== `d${1}`));
    run('ok with regexp', () => assert.ok(/abc/.test('xyz')));
    run('ok nested call', () => assert.ok([1, 2].includes(Math.max(3, 4))));
    run('ok multiline', () => assert.ok(
      1 === 2,
    ));
    run('ok message', () => assert.ok(false, 'custom message'));
    run('ok error message', () => assert.ok(false, new TypeError('thrown as is')));
    run('ok no args', () => assert.ok());
    run('ok undefined', () => assert.ok(undefined));
    run('strict ok', () => assert.strict(false));
    run('strict.ok', () => assert.strict.ok(''));
    run('ok(true)', () => assert.ok(true));

    run('equal', () => assert.equal(1, 2));
    run('equal loose', () => assert.equal(1, '1'));
    run('equal NaN', () => assert.equal(NaN, NaN));
    run('equal message', () => assert.equal(1, 2, 'one is not two'));
    run('notEqual', () => assert.notEqual(1, '1'));
    run('strictEqual numbers', () => assert.strictEqual(1, 2));
    run('strictEqual strings', () => assert.strictEqual('a', 'b'));
    run('strictEqual mixed', () => assert.strictEqual(1, '1'));
    run('strictEqual long strings', () => assert.strictEqual('hello world, this is long', 'hello world, this is longer'));
    run('strictEqual multiline strings', () => assert.strictEqual('a\nb\nc', 'a\nB\nc'));
    run('strictEqual objects', () => assert.strictEqual({ a: 1 }, { a: 1 }));
    run('strictEqual different objects', () => assert.strictEqual({ a: 1 }, { a: 2 }));
    run('strictEqual arrays', () => assert.strictEqual([1, 2, 3], [1, 2, 4]));
    run('strictEqual functions', () => assert.strictEqual(function a() {}, function a() {}));
    run('strictEqual 0 -0', () => assert.strictEqual(0, -0));
    run('strictEqual NaN', () => assert.strictEqual(NaN, NaN));
    run('strictEqual null undefined', () => assert.strictEqual(null, undefined));
    run('strictEqual message', () => assert.strictEqual(1, 2, 'my message'));
    run('strictEqual Error message', () => assert.strictEqual(1, 2, new RangeError('as is')));
    run('notStrictEqual', () => assert.notStrictEqual(1, 1));
    run('notStrictEqual string', () => assert.notStrictEqual('long enough', 'long enough'));
    run('notStrictEqual object', () => {
      const o = { a: [1, 2] };
      assert.notStrictEqual(o, o);
    });
    run('deepEqual', () => assert.deepEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] }));
    run('deepEqual loose', () => assert.deepEqual({ a: 1, b: '2' }, { a: '1', b: 2 }));
    run('deepEqual loose sets', () => assert.deepEqual(new Set([1, '2']), new Set(['1', 2])));
    run('deepEqual loose maps', () => assert.deepEqual(new Map([[1, '1']]), new Map([['1', 1]])));
    run('deepEqual dates', () => assert.deepEqual(new Date(0), new Date(1)));
    run('deepEqual prototypes', () => assert.deepEqual(new Foo(), { a: 1 }));
    run('notDeepEqual', () => assert.notDeepEqual({ a: 1 }, { a: '1' }));
    run('deepStrictEqual objects', () => assert.deepStrictEqual({ a: 1, b: { c: [1, 2, 3] } }, { a: 1, b: { c: [1, 2, 4] } }));
    run('deepStrictEqual types', () => assert.deepStrictEqual({ a: 1 }, { a: '1' }));
    run('deepStrictEqual prototypes', () => assert.deepStrictEqual(new Foo(), { a: 1 }));
    run('deepStrictEqual arrays', () => assert.deepStrictEqual([1, 2, 3, 4, 5], [1, 2, 3, 5, 4]));
    run('deepStrictEqual extra key', () => assert.deepStrictEqual({ a: 1 }, { a: 1, b: 2 }));
    run('deepStrictEqual maps', () => assert.deepStrictEqual(new Map([[1, { x: 1 }]]), new Map([[1, { x: 2 }]])));
    run('deepStrictEqual sets', () => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])));
    run('deepStrictEqual big objects', () => assert.deepStrictEqual(big, bigOther));
    run('deepStrictEqual long arrays', () => assert.deepStrictEqual(longArray, longArrayOther));
    run('deepStrictEqual same look', () => assert.deepStrictEqual({ s: Symbol('x') }, { s: Symbol('x') }));
    run('deepStrictEqual errors', () => assert.deepStrictEqual(new Error('a'), new Error('b')));
    run('deepStrictEqual primitives', () => assert.deepStrictEqual(1, 2));
    run('deepStrictEqual strings', () => assert.deepStrictEqual('abc', 'abd'));
    run('deepStrictEqual nested mismatch', () => assert.deepStrictEqual([{ a: [1, { b: 2 }] }], [{ a: [1, { b: 3 }] }]));
    run('deepStrictEqual buffers', () => assert.deepStrictEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3])));
    run('deepStrictEqual message', () => assert.deepStrictEqual({}, [], 'shapes differ'));
    run('deepStrictEqual equal', () => assert.deepStrictEqual({ a: [1, { b: new Map([[1, 2]]) }] }, { a: [1, { b: new Map([[1, 2]]) }] }));
    run('notDeepStrictEqual', () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
    run('notDeepStrictEqual multiline', () => assert.notDeepStrictEqual({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 2], c: 'x' }));
    run('equal missing args', () => assert.equal(1));
    run('deepStrictEqual missing args', () => assert.deepStrictEqual());

    run('throws class mismatch', () => assert.throws(() => { throw new TypeError('wrong'); }, RangeError));
    run('throws same name other class', () => assert.throws(() => { throw new (class TypeError extends Error {})('x'); }, TypeError));
    run('throws non-error', () => assert.throws(() => { throw 'str'; }, TypeError)); // eslint-disable-line no-throw-literal
    run('throws object', () => assert.throws(() => { throw new Error('actual message'); }, { message: 'expected message' }));
    run('throws object name', () => assert.throws(() => { throw new TypeError('m'); }, { name: 'RangeError', message: 'm' }));
    run('throws object regexp', () => assert.throws(() => { throw new Error('hello'); }, { message: /bye/ }));
    run('throws object regexp ok', () => assert.throws(() => { throw new Error('hello'); }, { message: /ell/ }));
    run('throws object extra', () => assert.throws(() => { throw new Error('m'); }, { code: 'E_X' }));
    run('throws error instance', () => assert.throws(() => { throw new Error('a'); }, new Error('b')));
    run('throws empty object', () => assert.throws(() => { throw new Error('a'); }, {}));
    run('throws primitive thrown', () => assert.throws(() => { throw 5; }, { a: 1 })); // eslint-disable-line no-throw-literal
    run('throws regexp', () => assert.throws(() => { throw new Error('abc'); }, /xyz/));
    run('throws regexp ok', () => assert.throws(() => { throw new Error('abc'); }, /abc/));
    run('throws validation', () => assert.throws(() => { throw new Error('v'); }, (err) => err.message === 'w'));
    run('throws validation arrow returns undefined', () => assert.throws(() => { throw new Error('v'); }, () => {}));
    run('throws validation named', () => assert.throws(() => { throw new Error('v'); }, function validate() { return 'yes'; }));
    run('throws none', () => assert.throws(() => {}));
    run('throws none message', () => assert.throws(() => {}, 'it should throw'));
    run('throws none class', () => assert.throws(() => {}, TypeError));
    run('throws none class message', () => assert.throws(() => {}, TypeError, 'with message'));
    run('throws ambiguous', () => assert.throws(() => { throw new Error('same'); }, 'same'));
    run('throws string with message', () => assert.throws(() => { throw new Error('x'); }, 'a', 'b'));
    run('throws number', () => assert.throws(() => { throw new Error('x'); }, 5));
    run('throws not a function', () => assert.throws('x'));
    run('throws ok', () => assert.throws(() => { throw new TypeError('t'); }, TypeError));
    run('doesNotThrow', () => assert.doesNotThrow(() => { throw new Error('oops'); }));
    run('doesNotThrow message', () => assert.doesNotThrow(() => { throw new Error('oops'); }, 'no throwing'));
    run('doesNotThrow other class', () => assert.doesNotThrow(() => { throw new TypeError('t'); }, RangeError));
    run('doesNotThrow matching class', () => assert.doesNotThrow(() => { throw new TypeError('t'); }, TypeError, 'msg'));
    run('doesNotThrow ok', () => assert.doesNotThrow(() => 1));
    run('match', () => assert.match('abc', /^b/));
    run('match non-string', () => assert.match(123, /1/));
    run('match message', () => assert.match('abc', /x/, 'must match'));
    run('match bad regexp', () => assert.match('abc', 'abc'));
    run('doesNotMatch', () => assert.doesNotMatch('abc', /b/));
    run('fail', () => assert.fail());
    run('fail message', () => assert.fail('boom'));
    run('fail error', () => assert.fail(new TypeError('as is')));
    run('ifError', () => assert.ifError(new Error('failed')));
    run('ifError empty message', () => assert.ifError(new TypeError('')));
    run('ifError string', () => assert.ifError('string error'));
    run('ifError object', () => assert.ifError({ message: 'obj' }));
    run('ifError null', () => assert.ifError(null));
    run('strict.equal', () => assert.strict.equal(1, '1'));
    run('strict.deepEqual', () => assert.strict.deepEqual({ a: 1 }, { a: '1' }));
    run('strict.notEqual', () => assert.strict.notEqual(2, 2));
    run('strict.notDeepEqual', () => assert.strict.notDeepEqual([1], [1]));

    const check = (label, fn) => out.push([label, outcome(util, fn)]);
    check('AssertionError', () => {
      const err = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
      return [err.name, err.code, err.message, err.generatedMessage, err instanceof Error, String(err), Object.keys(err)];
    });
    check('AssertionError message', () => {
      const err = new assert.AssertionError({ message: 'given', actual: 'a', expected: 'b', operator: 'notEqual' });
      return [err.message, err.generatedMessage, String(err)];
    });
    check('AssertionError fail', () => new assert.AssertionError({ actual: 1, expected: 2, operator: 'fail' }).message);
    check('AssertionError bad options', () => new assert.AssertionError(5));
    check('CallTracker', () => {
      const tracker = new assert.CallTracker();
      const twice = tracker.calls(function counted(a) { return a * 2; }, 2);
      const once = tracker.calls();
      const results = [twice(4), tracker.getCalls(twice), tracker.report().map((r) => r.message)];
      try {
        tracker.verify();
      } catch (err) {
        results.push(err.message, err.code, Object.keys(err));
      }
      once();
      twice(1);
      tracker.verify();
      results.push('verified');
      return results;
    });
    check('CallTracker bad expected', () => new assert.CallTracker().calls(() => {}, 0));
    check('shape', () => [typeof assert, assert.name, assert.strict.strict === assert.strict, assert.strict.equal === assert.strictEqual,
      Object.keys(assert).sort(), Object.keys(assert.strict).length]);
    return out;
  }

  // ---------------------------------------------------------------------------
  // Asynchronous: timers/promises and assert.rejects

  async function timersPromisesScript({ timersPromises, util }) {
    const log = [];
    const { setTimeout, setImmediate, setInterval, scheduler } = timersPromises;
    // Immediates and timers apart: which of a 1 ms timer and an immediate
    // runs first depends on the clock, in Node too.
    const immediates = [];
    immediates.push(setImmediate('now').then((v) => log.push(`immediate ${v}`)));
    immediates.push(scheduler.yield().then((v) => log.push(`yield ${v}`)));
    Promise.resolve().then(() => log.push('microtask'));
    await Promise.all(immediates);
    const started = [];
    started.push(setTimeout(30, 'thirty').then((v) => log.push(`timeout ${v}`)));
    started.push(setTimeout(5, 'five').then((v) => log.push(`timeout ${v}`)));
    started.push(setTimeout(undefined, 'default').then((v) => log.push(`timeout ${v}`)));
    started.push(scheduler.wait(15).then((v) => log.push(`wait ${v}`)));
    started.push(setTimeout(1, 'unref', { ref: false }).then((v) => log.push(`timeout ${v}`)));
    started.push(setTimeout(-5).then((v) => log.push(`timeout ${v}`)));
    Promise.resolve().then(() => log.push('microtask'));
    await Promise.all(started);
    for (const [label, promise] of [
      ['bad delay', () => setTimeout('10')],
      ['bad options', () => setTimeout(1, 'v', 5)],
      ['bad ref', () => setTimeout(1, 'v', { ref: 'yes' })],
      ['bad signal', () => setTimeout(1, 'v', { signal: {} })],
      ['immediate bad options', () => setImmediate('v', null)],
    ]) {
      try {
        await promise();
        log.push(`${label}: resolved`);
      } catch (err) {
        log.push(`${label}: ${err.name} ${err.code} ${err.message}`);
      }
    }
    // A signal: anything with `aborted` and addEventListener.
    const listeners = [];
    const signal = {
      aborted: false,
      reason: undefined,
      addEventListener: (type, fn) => listeners.push(fn),
      removeEventListener: (type, fn) => listeners.splice(listeners.indexOf(fn), 1),
    };
    const abortable = setTimeout(50, 'never', { signal });
    const abortableImmediate = setImmediate('never', { signal });
    signal.aborted = true;
    signal.reason = 'stopped';
    for (const fn of [...listeners]) fn();
    for (const promise of [abortable, abortableImmediate]) {
      try {
        await promise;
      } catch (err) {
        log.push(`aborted: ${err.name} ${err.code} ${err.message} cause=${err.cause} listeners=${listeners.length}`);
      }
    }
    try {
      await setTimeout(1, 'x', { signal });
    } catch (err) {
      log.push(`already aborted: ${err.name} ${err.message} ${err.cause}`);
    }
    let count = 0;
    for await (const value of setInterval(3, 'tick')) {
      log.push(`interval ${value} ${++count}`);
      if (count === 3) break;
    }
    try {
      for await (const value of setInterval(1, 'x', { signal })) log.push(value);
    } catch (err) {
      log.push(`interval aborted: ${err.name} ${err.code}`);
    }
    try {
      for await (const value of setInterval('x')) log.push(value);
    } catch (err) {
      log.push(`interval bad delay: ${err.code} ${err.message}`);
    }
    try {
      scheduler.wait.call({}, 1);
    } catch (err) {
      log.push(`scheduler this: ${err.code} ${err.message}`);
    }
    try {
      new scheduler.constructor(); // eslint-disable-line no-new
    } catch (err) {
      log.push(`scheduler constructor: ${err.code} ${err.message}`);
    }
    log.push(`exports: ${Object.keys(timersPromises).join(',')} ${util.inspect(scheduler)}`);
    return log.map((line, i) => [`step ${i}`, line]);
  }

  async function assertAsyncScript({ assert, util }) {
    const out = [];
    const run = async (label, fn) => {
      try {
        await fn();
        out.push([label, 'resolved']);
      } catch (err) {
        out.push([label, describeAssertion(err, util)]);
      }
    };
    await run('rejects', () => assert.rejects(Promise.reject(new TypeError('no')), RangeError));
    await run('rejects ok', () => assert.rejects(async () => { throw new Error('e'); }, /e/));
    await run('rejects resolved', () => assert.rejects(Promise.resolve(1)));
    await run('rejects resolved message', () => assert.rejects(async () => 1, TypeError, 'should reject'));
    await run('rejects not a promise', () => assert.rejects(() => 5));
    await run('rejects bad argument', () => assert.rejects(5));
    await run('rejects object', () => assert.rejects(Promise.reject(new Error('m')), { message: 'n' }));
    await run('doesNotReject', () => assert.doesNotReject(Promise.reject(new Error('bad'))));
    await run('doesNotReject ok', () => assert.doesNotReject(async () => 'fine'));
    await run('doesNotReject thenable', () => assert.doesNotReject({ then: (ok) => ok(1), catch: () => {} }));
    return out;
  }

  return {
    sections: {
      'buffer encodings': bufferEncodings,
      'buffer api': bufferApi,
      'text encoding': textEncoding,
      'structuredClone': clones,
      'assert': assertions,
    },
    asyncSections: {
      'timers/promises': timersPromisesScript,
      'assert async': assertAsyncScript,
    },
  };
})();
