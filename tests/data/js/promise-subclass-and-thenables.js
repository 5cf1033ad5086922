class MyPromise extends Promise {}
const p = MyPromise.resolve(1);
console.log(p instanceof MyPromise, p.then(() => {}) instanceof MyPromise);
const getterThenable = {};
Object.defineProperty(getterThenable, 'then', { get() { console.log('then read'); return (r) => r('via getter'); } });
Promise.resolve(getterThenable).then((v) => console.log(v));
Promise.race([]).then(() => console.log('never'));
Promise.all([]).then((v) => console.log('empty all', v));
Promise.allSettled([1, Promise.reject(2)]).then((r) => console.log(JSON.stringify(r)));
