process.on('uncaughtException', (e) => console.log('handler', e.message));
queueMicrotask(() => { throw new Error('qm'); });
queueMicrotask(() => console.log('next microtask still runs'));
