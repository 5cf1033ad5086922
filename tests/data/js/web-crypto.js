console.log(typeof crypto, Object.prototype.toString.call(crypto), crypto.constructor.name);
const a = crypto.getRandomValues(new Uint8Array(8)); console.log(a.length, a instanceof Uint8Array);
console.log(crypto.randomUUID().length, /^[0-9a-f-]{36}$/.test(crypto.randomUUID()));
crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')).then(buf => console.log(buf instanceof ArrayBuffer, Buffer.from(buf).toString('hex')));
console.log(require('crypto').webcrypto === crypto, typeof require('crypto').getRandomValues);
try { crypto.getRandomValues(new Float32Array(2)); } catch (e) { console.log(e.name, e.message); }
