process.on('exit', (c) => console.log('exit', c));
setTimeout(() => { throw 'a string'; }, 1);
