const t = setTimeout(() => console.log('ref again: runs'), 20);
t.unref();
t.ref();
console.log('hasRef', t.hasRef());
