function* counter() { let i = 0; while (true) { const reset = yield i++; if (reset) i = 0; } }
const c = counter();
console.log(c.next().value, c.next().value, c.next(true).value, c.next().value);
const order = [];
const steps = [1, 2, 3].map((n) => Promise.resolve(n).then((v) => order.push(`p${v}`)));
queueMicrotask(() => order.push('q'));
process.nextTick(() => order.push('tick'));
Promise.all(steps).then(() => console.log(order.join(',')));
