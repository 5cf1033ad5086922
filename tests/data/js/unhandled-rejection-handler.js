process.on('unhandledRejection', (reason, p) => console.log('unhandled', reason.message, p instanceof Promise));
Promise.reject(new Error('r1'));
setTimeout(() => console.log('still running'), 5);
