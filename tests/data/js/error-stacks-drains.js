// Stacks of errors made in nextTick callbacks and microtasks show Node's drain below them:
// processTicksAndRejections (with the line of a callback's argument count), runNextTicks
// between two timers of a list, between two lists and between two immediates, and the frames
// of queueMicrotask's AsyncResource. A console line queues a tick in Node (its stream's
// afterWrite), so the microtasks after it run inside processTicksAndRejections.
const relative = (text) => text.split(__dirname).join('.');
const frames = (label) => console.log(`-- ${label}\n${relative(new Error(label).stack.split('\n').slice(1).join('\n'))}`);

process.nextTick(() => frames('tick'));
process.nextTick((a) => frames('tick with one argument'), 1);
process.nextTick((a, b, c, d, e, f) => frames('tick with six arguments'), 1, 2, 3, 4, 5, 6);
Promise.resolve().then(() => frames('then after the main script'));
queueMicrotask(() => frames('queueMicrotask'));

setTimeout(() => {
  Promise.resolve().then(() => frames('then before the next timer of the list'));
}, 2);
setTimeout(() => {
  process.nextTick(() => frames('tick before the next timer of the list'));
  Promise.resolve().then(() => frames('then after that tick'));
}, 2);
setTimeout(() => {
  Promise.resolve().then(() => frames('then before the next list'));
}, 2);
setTimeout(() => {
  Promise.resolve().then(() => frames('then after the last timer'));
  setImmediate(() => {
    Promise.resolve().then(() => frames('then before the next immediate'));
  });
  setImmediate(() => {
    Promise.resolve().then(() => {
      frames('then after the last immediate');
      process.nextTick(() => frames('tick queued by that then'));
    });
  });
}, 3);
