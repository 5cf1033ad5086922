const { setTimeout: sleep } = require('timers/promises');

(async function napper() {
  await sleep(40);
  console.log('slept');
})();
setTimeout(() => {
  console.log('timer 10');
}, 10);
setTimeout(() => {
  console.log('timer 80');
}, 80);
