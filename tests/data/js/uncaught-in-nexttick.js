process.on('exit', (c) => console.log('exit', c));
process.nextTick(() => { throw new TypeError('bad tick'); });
setImmediate(() => console.log('never'));
