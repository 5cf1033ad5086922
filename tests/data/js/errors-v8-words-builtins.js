// Engine errors from built-ins given bad arguments or receivers, as a program's own
// validation layer reports them: V8 names the method, the value and the receiver.
'use strict';

function report(label, action) {
  try {
    const result = action();
    console.log(`${label}: ok`, result);
  } catch (err) {
    console.log(`${label}: ${err.name}: ${err.message}`);
  }
}

const price = 19.99;
report('fixed', () => price.toFixed(120));
report('fixed negative', () => (3).toFixed(-3));
report('precision', () => price.toPrecision(0));
report('exponential', () => Number.prototype.toExponential.call(price, 250));
report('radix', () => price.toString(40));

report('repeat', () => '-'.repeat(-4));
report('repeat text count', () => '='.repeat('-2'));
report('repeat infinite', () => '*'.repeat(Infinity));
report('pad', () => 'x'.padEnd(Infinity));
report('code point', () => String.fromCodePoint(0x110000, 65));

report('set of number', () => new Set(42));
report('map of object', () => new Map({ key: 'value' }));
report('map of pairs', () => new Map([['a', 1], 'b']));
report('entries', () => Object.fromEntries([['a', 1], 2]));
report('spread into call', () => Math.min(...{ length: 2 }));

report('map receiver', () => Map.prototype.get.call([], 'k'));
report('set receiver', () => Set.prototype.has.call({}, 1));
report('weakmap receiver', () => WeakMap.prototype.get.call(new Map(), {}));
report('number receiver', () => Number.prototype.toFixed.call('12', 2));
report('string receiver', () => String.prototype.trim.call(undefined));
report('array receiver', () => Array.prototype.map.call(null, (x) => x));
report('array join receiver', () => Array.prototype.join.call(null));
report('function receiver', () => Function.prototype.toString.call({}));
report('date receiver', () => Date.prototype.getTime.call({}));

const visited = new Set(['home']);
const routes = new Map([['/', 'home']]);
report('set receiver by variable', () => visited.add.call(5, 'x'));
report('map for each', () => routes.forEach('render'));
report('set for each', () => visited.forEach(null));
report('array for each', () => ['home'].forEach(0));
report('define on primitive', () => Object.defineProperty(7, 'x', { value: 1 }));
report('reflect on primitive', () => Reflect.has(7, 'x'));
report('prototype of', () => Object.setPrototypeOf({}, 42));
report('descriptor', () => Object.defineProperty({}, 'x', 5));
report('for each', () => [1, 2].forEach());
report('sort', () => [2, 1].sort('desc'));
report('callback object', () => [1].map({}));

report('resolver', () => new Promise(42));
report('resolver object', () => new Promise({ then() {} }));
report('promise call', () => Promise());
report('map call', () => Map());
report('typed array call', () => Float32Array(4));
report('resolve receiver', () => Promise.resolve.call(undefined, 1));

report('bigint text', () => BigInt('12px'));
report('bigint undefined', () => BigInt(undefined));
report('bigint unary', () => +10n);
report('bigint shift', () => 8n >>> 1n);
report('bigint exponent', () => 2n ** -2n);
report('bigint mix', () => 10n * 2);

report('array buffer', () => new ArrayBuffer(-8));
report('typed length', () => new Int16Array(-2));
report('typed window', () => new Uint8Array(new ArrayBuffer(8), 2, 16));
report('typed offset', () => new Uint32Array(new ArrayBuffer(8), 16));
report('typed multiple', () => new Float64Array(new ArrayBuffer(12)));
report('data view length', () => new DataView(new ArrayBuffer(4), 0, 9));
report('data view read', () => new DataView(new ArrayBuffer(2)).getFloat32(0));
report('typed set', () => new Uint8Array(2).set([1, 2, 3]));

report('arrow constructor', () => new (() => ({}))());
report('extends number', () => { class Base extends 5 {} return Base; });
report('extends object', () => { const base = { kind: 'plain' }; class Derived extends base {} return Derived; });
report('extends null', () => { class Orphan extends null {} return new Orphan(); });

report('revoked get', () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy.name; });
report('revoked set', () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); proxy.name = 'x'; });
report('revoked has', () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return 'name' in proxy; });
report('revoked delete', () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); delete proxy.name; });
report('proxy handler', () => new Proxy({}, 'handler'));

report('undeclared', () => { totalCount = 3; });
report('sealed', () => { const config = Object.seal({ port: 80 }); config.host = 'localhost'; });
report('not extensible define', () => Object.defineProperty(Object.preventExtensions({}), 'host', { value: 1 }));
report('read-only global', () => { Number.MAX_SAFE_INTEGER = 0; });
report('delete global', () => { delete Array.prototype; });
report('delete element', () => { const frozen = Object.freeze(['a']); delete frozen[0]; });
report('element', () => { const frozen = Object.freeze(['a']); frozen[0] = 'b'; });
report('match all', () => [...'a1b2'.matchAll(/\d/)]);
report('replace all', () => 'a.b.c'.replaceAll(/\./, '-'));

report('nested pattern', () => { const { server: { port } } = { server: null }; return port; });
report('nested parameter', () => { const listen = ({ options: { host } }) => host; return listen({}); });
report('array entry', () => { const { [Symbol.iterator]: entries } = new Map([['k', 1], 2]); return entries; });

async function combinators() {
  await Promise.all(42).catch((err) => console.log(`all: ${err.message}`));
  await Promise.race().catch((err) => console.log(`race: ${err.message}`));
  await Promise.allSettled({ a: 1 }).catch((err) => console.log(`allSettled: ${err.message}`));
  try {
    const pages = 3;
    for await (const page of pages) console.log(page);
  } catch (err) {
    console.log(`for await: ${err.message}`);
  }
}
combinators();

Promise.reject(new Error('start')).catch(() => new Promise(7)).catch((err) => console.log(`in a reaction: ${err}`));
