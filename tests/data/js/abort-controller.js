const { setTimeout: sleep } = require('timers/promises');
const controller = new AbortController();
controller.signal.addEventListener('abort', () => console.log('abort event, reason:', controller.signal.reason));
sleep(1000, 'late', { signal: controller.signal })
  .then((v) => console.log('never', v))
  .catch((e) => console.log('sleep rejected:', e.name, e.code));
setTimeout(() => controller.abort('stop now'), 5);
const already = AbortSignal.abort();
console.log(already.aborted, already.reason.name, typeof AbortSignal.timeout);
const target = new EventTarget();
target.addEventListener('ping', (event) => console.log('ping event', event.type, event.target === target), { once: true });
console.log(target.dispatchEvent(new Event('ping')), target.dispatchEvent(new Event('ping')));
