process.on('exit', (c) => console.log('exit', c));
Promise.reject(new Error('nobody catches'));
setTimeout(() => console.log('never'), 10);
