process.on('uncaughtException', (e, origin) => console.log('caught', e.message, origin));
queueMicrotask(() => { throw new Error('in microtask'); });
Promise.resolve().then(() => console.log('after the throw'));
