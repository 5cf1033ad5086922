const delay = (ms, v, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
Promise.all([delay(20, 'a'), delay(10, 'b'), 3]).then((v) => console.log('all', v.join(',')));
Promise.allSettled([delay(5, 'ok'), delay(15, 'bad', true)]).then((r) => console.log('allSettled', r.map((x) => x.status + ':' + (x.value || x.reason.message)).join(' ')));
Promise.race([delay(30, 'slow'), delay(25, 'fast')]).then((v) => console.log('race', v));
Promise.any([delay(8, 'e1', true), delay(12, 'winner'), delay(40, 'late')]).then((v) => console.log('any', v));
Promise.any([Promise.reject(new Error('x')), Promise.reject(new Error('y'))]).catch((e) => console.log('any failed', e.constructor.name, e.errors.length));
Promise.all([Promise.reject(new Error('first')), delay(50, 'never')]).catch((e) => console.log('all rejected', e.message));
