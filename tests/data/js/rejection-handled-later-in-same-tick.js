const p = Promise.reject(new Error('late'));
Promise.resolve().then(() => p.catch((e) => console.log('caught late', e.message)));
process.on('exit', (c) => console.log('exit', c));
