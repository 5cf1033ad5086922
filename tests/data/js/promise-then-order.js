const p = Promise.resolve();
p.then(() => console.log('a1')).then(() => console.log('a2'));
p.then(() => console.log('b1')).then(() => console.log('b2'));
Promise.reject(new Error('r')).catch(() => console.log('caught')).finally(() => console.log('finally'));
new Promise((r) => r(Promise.resolve('nested'))).then((v) => console.log(v));
