// Warnings as Node emits them: an Error named for its type, with its code, on a tick;
// console's own warnings (time labels, counts) and an emitter's listener leak; the
// 'warning' listener sees each; unhandled rejections go to their listener.
process.on('warning', (warning) => {
  console.log('warning:', warning.name, warning.code, warning.message, warning instanceof Error);
});
process.on('unhandledRejection', (reason) => {
  console.log('unhandled:', reason instanceof Error ? `${reason.name}: ${reason.message}` : reason);
});
process.on('exit', (code) => console.log('exit', code, process.exitCode));

process.emitWarning('the old API goes away', 'DeprecationWarning', 'DEP0999');
process.emitWarning('plain warning');
process.emitWarning('with options', { type: 'CustomWarning', code: 'C001', detail: 'more about it' });
try {
  process.emitWarning(42);
} catch (error) {
  console.log(error.code, error.message);
}
console.log('warnings come after this line');

console.time('job');
console.time('job');
console.timeEnd('missing');
console.timeLog('missing');
console.countReset('never counted');

const { EventEmitter } = require('events');
const emitter = new EventEmitter();
for (let i = 0; i < 11; i++)
  emitter.on('data', () => {});

Promise.reject(new RangeError('out of range'));
Promise.reject('just text');
(async () => {
  const cache = new Map();
  cache.get('user').name;
})();
console.log(process.argv0, typeof process.emitWarning);
setTimeout(() => { process.exitCode = 3; }, 1);
