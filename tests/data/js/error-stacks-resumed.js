// An async callback's frame after an await, named as V8 names it by the object the library
// called it on: a timer's, an emitter's (also when its rejection goes unhandled).
const EventEmitter = require('events');
const { setTimeout: sleep } = require('timers/promises');
// The frame itself: what Node's drain shows below it depends on the timers around it.
const show = (error) => console.log(error.stack.replaceAll(__dirname, '.').split('\n').slice(0, 3).filter((line) => !line.includes('(node:')).join('\n'));

process.on('unhandledRejection', show);
setTimeout(async function tick() {
  await null;
  show(new Error('made after an await'));
}, 1);
setTimeout(async () => {
  await null;
  throw new Error('thrown after an await');
}, 2);
const emitter = new EventEmitter();
emitter.on('go', async function onGo() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  show(new Error('listener after an await'));
  throw new Error('listener threw');
});
emitter.emit('go');
async function job() {
  await sleep(1);
  throw new Error('awaited job');
}
setTimeout(async function later() { await job(); }, 10);
