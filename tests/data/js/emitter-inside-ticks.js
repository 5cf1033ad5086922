const EventEmitter = require('events');
const bus = new EventEmitter();
bus.on('ping', (n) => {
  console.log('ping', n);
  if (n < 3) process.nextTick(() => bus.emit('ping', n + 1));
  Promise.resolve().then(() => console.log('microtask after ping', n));
});
setImmediate(() => bus.emit('ping', 1));
EventEmitter.once(bus, 'done').then(([why]) => console.log('done because', why));
setTimeout(() => bus.emit('done', 'timer'), 50);
