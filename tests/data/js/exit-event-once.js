process.once('exit', () => console.log('once'));
process.on('exit', () => console.log('on'));
