const { AsyncLocalStorage } = require('async_hooks');
const fs = require('fs');
const crypto = require('crypto');
const zlib = require('zlib');
const ctx = new AsyncLocalStorage();
const trace = (what) => console.log(`[${ctx.getStore()?.requestId ?? 'root'}] ${what}`);
function middlewareChain(handlers, done) {
  let i = 0;
  const next = (err) => {
    if (err || i === handlers.length) return done(err);
    const h = handlers[i++];
    setImmediate(() => h(next));
  };
  next();
}
function handleRequest(id, then) {
  ctx.run({ requestId: id }, () => {
    middlewareChain([
      (next) => { trace('auth'); process.nextTick(next); },
      (next) => fs.stat(__filename, (err) => { trace('stat done'); next(err); }),
      (next) => crypto.randomBytes(8, () => { trace('random done'); next(); }),
      (next) => zlib.deflate('x', () => { trace('deflate done'); next(); }),
      (next) => { queueMicrotask(() => { trace('microtask'); next(); }); },
      (next) => { Promise.resolve().then(() => { trace('then'); next(); }); },
    ], (err) => { trace('finished ' + (err ? err.message : 'ok')); then(); });
  });
}
// One request after the other (the second starts from the first's last callback, in its
// context, and replaces it), so that the lines do not depend on how long each step takes.
handleRequest('r1', () => handleRequest('r2', () => setTimeout(() => trace('end'), 1)));
