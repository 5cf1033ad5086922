async function* gen() { yield 1; yield 2; yield 3; }
(async () => { for await (const v of gen()) console.log('for await', v); })();
(async () => { for (const v of [Promise.resolve('x'), 'y']) console.log('sync of', await v); })();
Promise.resolve().then(() => console.log('plain promise'));
