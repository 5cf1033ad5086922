// Its timers are 30 ms or more apart: a slow engine (ThreadSanitizer on a busy machine)
// takes milliseconds between two setTimeout calls, and a 12 ms timer armed 4 ms after a
// 15 ms one is due later, in Node as here.
const delay = (ms, v, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
Promise.all([delay(200, 'a'), delay(100, 'b'), 3]).then((v) => console.log('all', v.join(',')));
Promise.allSettled([delay(50, 'ok'), delay(150, 'bad', true)]).then((r) => console.log('allSettled', r.map((x) => x.status + ':' + (x.value || x.reason.message)).join(' ')));
Promise.race([delay(300, 'slow'), delay(250, 'fast')]).then((v) => console.log('race', v));
Promise.any([delay(80, 'e1', true), delay(120, 'winner'), delay(400, 'late')]).then((v) => console.log('any', v));
Promise.any([Promise.reject(new Error('x')), Promise.reject(new Error('y'))]).catch((e) => console.log('any failed', e.constructor.name, e.errors.length));
Promise.all([Promise.reject(new Error('first')), delay(500, 'never')]).catch((e) => console.log('all rejected', e.message));
