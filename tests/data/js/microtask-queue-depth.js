const order = [];
async function a() { order.push('a1'); await b(); order.push('a2'); }
async function b() { order.push('b1'); await c(); order.push('b2'); }
async function c() { order.push('c'); }
a().then(() => order.push('a done'));
Promise.resolve().then(() => order.push('p1')).then(() => order.push('p2')).then(() => order.push('p3')).then(() => order.push('p4'));
setTimeout(() => console.log(order.join(' ')), 0);
