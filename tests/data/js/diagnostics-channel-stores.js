// diagnostics_channel with AsyncLocalStorage: a channel's bound store around runStores (and
// the callbacks it schedules), a tracing channel's store around a promise, a transform that
// throws.
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
const ch = dc.channel('req');
ch.bindStore(als, (data) => ({ id: data.id }));
ch.subscribe((m) => console.log('published', m, als.getStore()));
ch.runStores({ id: 7 }, () => {
  console.log('inside', als.getStore());
  setTimeout(() => console.log('timer sees', als.getStore()), 1);
});
console.log('outside', als.getStore());
const tc = dc.tracingChannel('db');
tc.start.bindStore(als, (ctx) => ctx.query);
tc.subscribe({ start() {}, end() {}, asyncStart() {}, asyncEnd() {}, error() {} });
tc.tracePromise(async () => { await null; return als.getStore(); }, { query: 'SELECT 1' }).then((v) => console.log('promise store', v));
ch.bindStore(als, () => { throw new Error('transform failed'); });
process.on('uncaughtException', (e) => console.log('uncaught:', e.message));
ch.runStores({ id: 8 }, () => console.log('ran without store', als.getStore()));
