process.on('exit', (code) => console.log('exit', code));
console.log('about to throw');
throw new RangeError('module failed');
