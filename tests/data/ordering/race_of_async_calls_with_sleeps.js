const { setTimeout: sleep } = require('timers/promises');

(async function main() {
  await Promise.race([
    (async function slow() {
      await sleep(60);
      console.log('slow done');
    })(),
    (async function quick() {
      await sleep(10);
      console.log('quick done');
    })(),
  ]);
  console.log('race won');
  for (let i = 1; i <= 2; i++) {
    console.log(`outer ${i}`);
    for (let i = 1; i <= 2; i++) {
      await null;
      console.log(`inner ${i}`);
    }
  }
})();
console.log('main end');
