const EventEmitter = require('events');
const { once } = require('events');
class Door extends EventEmitter {}
const door = new Door();
door.on('open', (who) => console.log('open by', who));
door.once('open', () => console.log('first time only'));
door.prependListener('open', () => console.log('prepended'));
console.log(door.emit('open', 'ann'), door.emit('open', 'bob'), door.emit('nothing'));
console.log(door.listenerCount('open'), door.eventNames());
try { door.emit('error', new Error('door stuck')); } catch (e) { console.log('threw', e.message); }
once(door, 'close').then(([reason]) => console.log('closed because', reason));
setTimeout(() => door.emit('close', 'late'), 5);
door.off('open', door.listeners('open')[0]);
console.log(door.listenerCount('open'));
