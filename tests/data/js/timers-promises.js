const { setTimeout: sleep, setImmediate: immediate, setInterval: every } = require('timers/promises');
(async () => {
  console.log('start');
  const v = await sleep(10, 'slept');
  console.log(v);
  console.log(await immediate('immediate value'));
  let n = 0;
  for await (const tick of every(5, 'tick')) {
    console.log(tick, ++n);
    if (n === 3) break;
  }
  console.log('end');
})();
