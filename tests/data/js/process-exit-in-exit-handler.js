process.on('exit', (code) => { console.log('exit', code); process.exit(4); });
console.log('main');
