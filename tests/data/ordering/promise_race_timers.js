const { setTimeout: sleep } = require('timers/promises');

(async function racer() {
  await Promise.race([sleep(80), sleep(20)]);
  console.log('race settled');
})();
setTimeout(() => {
  console.log('timer 50');
}, 50);
setTimeout(() => {
  console.log('timer 120');
}, 120);
console.log('main end');
