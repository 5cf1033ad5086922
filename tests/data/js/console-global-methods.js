// The global console's methods: groups, counts, assert, table, dir, their names, the
// Console class on it, console.context (whose lines go nowhere), createTask.
console.group('g'); console.log('a\nb'); console.group(); console.error('deep'); console.groupEnd(); console.groupEnd();
console.count(); console.count('x'); console.count(); console.countReset('x'); console.count('x');
console.assert(1 === 2, 'math %s', 'broke'); console.assert(false); console.assert(false, 5, 6);
console.table([{ a: 1 }, { b: 2 }]); console.table({ r: { c: 1 } }, ['c']);
console.dir({ a: { b: { c: { d: {} } } } }, { depth: 1 }); console.dirxml([1], { a: 1 });
console.log(console.log.name, console.error.name, console.Console === require('console').Console, typeof console.profile, typeof console.timeStamp);
const ctx = console.context('name'); ctx.log('from context'); console.log(Object.keys(ctx).length > 10);
console.createTask('t').run(() => console.log('task ran'));
console.info('%o', { a: 1 }); console.debug('%c styled', 'color: red'); console.warn('%i', 4.5);
const { Console } = console;
const lines = [];
const c = new Console({ write: (s) => lines.push(s) });
c.log('plain object stream'); c.trace === undefined || console.log('has trace');
