const thenable = (value) => ({ then(resolve) { resolve(value); } });

setTimeout(() => {
  (async function first() {
    console.log('first timer');
    await null;
    console.log('first resumed');
    await thenable(1);
    console.log('first resumed again');
  })();
}, 10);
setTimeout(() => {
  console.log('second timer');
}, 10);
