async function returnsPromise() { return Promise.resolve('inner'); }
async function returnsValue() { return 'value'; }
returnsPromise().then((v) => console.log('from promise', v));
returnsValue().then((v) => console.log('from value', v));
Promise.resolve().then(() => console.log('tick 1')).then(() => console.log('tick 2')).then(() => console.log('tick 3')).then(() => console.log('tick 4'));
