setTimeout(() => console.log('never'), 0);
process.on('exit', (code) => { console.log('exit handler', code); setTimeout(() => console.log('not in exit'), 0); });
Promise.resolve().then(() => console.log('never either'));
console.log('before exit');
process.exit(5);
console.log('not reached');
