const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
function log(msg) { const s = als.getStore(); console.log(`[${s ? s.id : '-'}] ${msg}`); }
async function handle(id, delay) {
  return als.run({ id }, async () => {
    log('start');
    await new Promise((r) => setTimeout(r, delay));
    log('after timeout');
    await Promise.resolve();
    log('after await');
    setImmediate(() => log('immediate'));
    process.nextTick(() => log('tick'));
    queueMicrotask(() => log('microtask'));
  });
}
log('outside');
handle('a', 60);
handle('b', 5);
setTimeout(() => {
  log('later outside');
  const r = als.run({ id: 'sync' }, () => { log('sync run'); return 42; });
  console.log('returned', r);
  als.enterWith({ id: 'entered' });
  log('after enterWith');
  als.exit(() => log('inside exit'));
  als.disable();
  log('after disable');
}, 150);
