const { setTimeout: sleep } = require('timers/promises');

setImmediate(() => {
  (async function task() {
    console.log('task start');
    await sleep(20);
    console.log('after sleep');
    setImmediate(() => {
      console.log('immediate from task');
    });
    await null;
    console.log('after await null');
  })();
  console.log('immediate end');
});
console.log('main end');
