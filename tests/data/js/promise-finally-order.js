Promise.resolve('v')
  .finally(() => console.log('finally 1'))
  .then((v) => console.log('then after finally', v));
Promise.reject(new Error('e'))
  .finally(() => console.log('finally 2'))
  .catch((e) => console.log('catch after finally', e.message));
Promise.resolve().then(() => console.log('plain 1')).then(() => console.log('plain 2')).then(() => console.log('plain 3'));
