// diagnostics_channel: named channels, their subscribers, tracing channels around a
// synchronous call, a promise and a callback, and a subscriber that throws.
const dc = require('diagnostics_channel');
console.log(Object.keys(dc));
const ch = dc.channel('my');
console.log(ch, ch.hasSubscribers, dc.hasSubscribers('my'), ch === dc.channel('my'));
const f = (m, n) => console.log('got', m, n);
ch.subscribe(f); console.log(ch, ch.hasSubscribers);
ch.publish({ a: 1 });
console.log(ch.unsubscribe(f), ch.unsubscribe(f), ch.hasSubscribers);
dc.subscribe('other', f); dc.channel('other').publish(3); console.log(dc.unsubscribe('other', f), dc.unsubscribe('zzz', f));
const s = Symbol('s'); dc.channel(s).subscribe(f); dc.channel(s).publish('sym');
try { dc.channel(5); } catch (e) { console.log(e.code, e.message); }
try { ch.subscribe(5); } catch (e) { console.log(e.code, e.message); }
const tc = dc.tracingChannel('t');
console.log(tc, tc.hasSubscribers);
tc.subscribe({ start: (c) => console.log('start', c), end: (c) => console.log('end', { ...c, error: c.error && c.error.message }), error: (c) => console.log('error', c.error.message), asyncStart: (c) => console.log('aS', c), asyncEnd: (c) => console.log('aE', c) });
console.log(tc.traceSync((x) => x * 2, { n: 1 }, null, 21));
try { tc.traceSync(() => { throw new Error('boom'); }, { n: 2 }); } catch (e) { console.log('caught', e.message); }
tc.tracePromise(async (x) => x + 1, { n: 3 }, null, 1).then((v) => console.log('promise', v));
tc.traceCallback((a, cb) => setImmediate(() => cb(null, a)), -1, { n: 4 }, null, 'A', (e, r) => console.log('cb', e, r));
ch.subscribe(() => { throw new Error('sub err'); }); ch.publish(1); console.log('after publish');
process.on('uncaughtException', (e) => console.log('uncaught', e.message));
console.log(dc.Channel.name, ch instanceof dc.Channel);
const { AsyncLocalStorage } = require('async_hooks');
const store = new AsyncLocalStorage();
const bound = dc.channel('bound');
bound.bindStore(store, (message) => ({ wrapped: message }));
console.log(bound.hasSubscribers, bound.runStores('data', () => store.getStore()), bound.unbindStore(store), bound.hasSubscribers);
console.log(tc.unsubscribe({ start() {} }), dc.tracingChannel({ start: dc.channel('a'), end: dc.channel('b'), asyncStart: dc.channel('c'), asyncEnd: dc.channel('d'), error: dc.channel('e') }).hasSubscribers);
