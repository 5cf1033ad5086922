// A program reads the message of errors the engine raised, where it catches them: a catch
// clause (also after an await), a promise's .catch, an 'uncaughtException' listener.
const config = { server: { port: 8080 }, users: null };

function tryStep(label, step) {
  try {
    const result = step();
    console.log(`${label}: ok ${result}`);
  } catch (err) {
    console.log(`${label}: ${err.name} - ${err.message}`);
  }
}

tryStep('port', () => config.server.port);
tryStep('missing section', () => config.database.host);
tryStep('null section', () => config.users.length);
tryStep('constant', () => { const limit = 10; limit = 20; return limit; });
tryStep('too early', () => { const total = count + 1; let count = 0; return total; });
tryStep('array size', () => new Array(-5).length);
tryStep('big numbers', () => 2n ** 64n + 1);
tryStep('symbol text', () => `${Symbol('id')}`);
tryStep('call number', () => { const handler = 42; return handler(); });
tryStep('unknown name', () => undefinedHelper());
tryStep('frozen', () => { 'use strict'; const point = Object.freeze({ x: 1 }); point.x = 2; });
tryStep('bad date', () => new Date('not a date').toISOString());
tryStep('radix', () => (255).toString(40));

function factorial(n) {
  return n * factorial(n - 1);
}
try {
  factorial(5);
} catch (error) {
  console.log(error instanceof RangeError, error.name, error.message);
}

try { JSON.parse('{"name": "x",}'); } catch ({ name, message }) { console.log('destructured', name, message); }
try { null.x; } catch { console.log('no binding'); }

async function loadUser(id) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  const users = { 1: { name: 'Ada' } };
  return users[id].name.toUpperCase();
}

async function main() {
  console.log(await loadUser(1));
  try {
    await loadUser(2);
  } catch (error) {
    console.log('await caught:', error.message);
  }
  await loadUser(3).catch((error) => console.log('.catch got:', error.message));
  await Promise.any([loadUser(4), Promise.reject(new Error('plain'))])
    .catch((error) => console.log(error.name, error.message, error.errors.map((e) => e.message)));
  const settled = await Promise.allSettled([loadUser(1), loadUser(5)]);
  console.log(settled.map((entry) => entry.value ?? entry.reason.message));
  process.on('uncaughtException', (error, origin) => {
    console.log('uncaught:', origin, error.message);
  });
  setTimeout(() => { const empty = undefined; empty.run(); }, 1);
}

main();
