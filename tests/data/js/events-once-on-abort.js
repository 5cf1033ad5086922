const { EventEmitter, once, on } = require('events');
const { setTimeout: sleep } = require('timers/promises');
class Queue extends EventEmitter {}
async function main() {
  const q = new Queue();
  setTimeout(() => q.emit('ready', 1, 2), 5);
  const args = await once(q, 'ready');
  console.log('once args', args);
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 5);
  try { await once(q, 'never', { signal: ac.signal }); } catch (e) { console.log(e.name, e.code, e.message); }
  const errP = once(q, 'data');
  q.emit('error', new Error('boom'));
  try { await errP; } catch (e) { console.log('once rejected with', e.message); }
  (async () => {
    for (let i = 0; i < 3; i++) { await sleep(2); q.emit('tick', i); }
    q.emit('done');
  })();
  const ac2 = new AbortController();
  q.once('done', () => ac2.abort());
  try {
    for await (const [i] of on(q, 'tick', { signal: ac2.signal })) console.log('tick', i);
  } catch (e) { console.log('iteration ended', e.name); }
  console.log('listeners left', q.listenerCount('tick'));
  const v = await sleep(3, 'value');
  console.log('sleep value', v);
  const e2 = new EventEmitter();
  e2.setMaxListeners(1);
  e2.on('x', () => {}); e2.on('x', () => {});
  console.log(EventEmitter.defaultMaxListeners, e2.getMaxListeners(), e2.eventNames());
}
main();
