const { setTimeout: sleep } = require('timers/promises');

for (let i = 1; i <= 3; i++) {
  (async function sleeper() {
    console.log(`start ${i}`);
    await sleep(30);
    console.log(`end ${i}`);
    process.nextTick(() => {
      console.log(`tick ${i}`);
    });
  })();
}
console.log('main end');
