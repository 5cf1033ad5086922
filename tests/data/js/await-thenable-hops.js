const thenable = { then(resolve) { console.log('then called'); resolve('t'); } };
(async () => { const v = await thenable; console.log('thenable', v); })();
(async () => { await null; console.log('one hop'); await null; console.log('two hops'); })();
Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3'));
