// An EventEmitter store, 'error' events handled and not, events.once rejecting on 'error' and
// on abort, timers/promises with signals, and an AbortSignal's onabort among its listeners
// (in the order they were added) and as Node inspects it.
const { EventEmitter, once } = require('events');
const { setTimeout: wait } = require('timers/promises');
class Store extends EventEmitter {
  #items = new Map();
  set(key, value) { const old = this.#items.get(key); this.#items.set(key, value); this.emit('change', { key, value, old }); }
  get size() { return this.#items.size; }
}
const store = new Store();
store.on('change', function ({ key, value, old }) { console.log(`change ${key}: ${old} -> ${value}`, this === store); });
store.once('change', () => console.log('first change only'));
store.set('a', 1); store.set('a', 2);
console.log(store.size, store.listenerCount('change'), Store.name, store instanceof EventEmitter);
const errors = new EventEmitter();
errors.on('error', (err) => console.log('error handled:', err.message));
errors.emit('error', new Error('disk full'));
const unhandled = new EventEmitter();
try { unhandled.emit('error', new Error('nobody listening')); } catch (e) { console.log('thrown:', e.message); }
try { unhandled.emit('error', { code: 42 }); } catch (e) { console.log('thrown:', e.message); }
(async () => {
  const em = new EventEmitter();
  setTimeout(() => em.emit('error', new Error('failed while waiting')), 1);
  try { await once(em, 'ready'); } catch (e) { console.log('once rejected:', e.message); }
  const ac = new AbortController();
  const p = once(em, 'never', { signal: ac.signal });
  ac.abort();
  try { await p; } catch (e) { console.log(e.name, e.code, e.message); }
  const start = Date.now();
  await wait(5);
  console.log('waited', Date.now() - start >= 4);
  const timeoutSignal = AbortSignal.timeout(1);
  try { await wait(100, null, { signal: timeoutSignal }); } catch (e) { console.log(e.name, e.message, e.code); }
  const both = AbortSignal.any ? 'any' : 'no any';
  console.log(both);
  const ctrl = new AbortController();
  ctrl.signal.addEventListener('abort', (ev) => console.log('abort event', ev.type, ctrl.signal.reason.message));
  ctrl.signal.onabort = () => console.log('onabort');
  ctrl.abort(new Error('stop now'));
  ctrl.abort();
  console.log(ctrl.signal.aborted, ctrl.signal);
})();
