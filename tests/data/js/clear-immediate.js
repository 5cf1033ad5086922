const a = setImmediate(() => { console.log('a'); clearImmediate(b); });
const b = setImmediate(() => console.log('b: never'));
const c = setImmediate(() => console.log('c'));
setImmediate((x, y) => console.log('args', x, y), 1, 2);
