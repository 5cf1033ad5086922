process.on('uncaughtException', (e) => { console.log('handled', e.message); process.exitCode = 9; });
setTimeout(() => { throw new Error('late'); }, 1);
