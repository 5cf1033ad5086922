const t = setTimeout(() => console.log('never printed'), 2000);
t.unref();
console.log('hasRef', t.hasRef());
setTimeout(() => console.log('refed timer runs'), 10);
process.on('exit', (code) => console.log('exit', code));
