// Timers made in one go fire by due time. They are 50 ms or more apart: a slow engine
// (ThreadSanitizer on a busy machine) takes milliseconds between two setTimeout calls, and
// a 5 ms timer armed 6 ms after a 10 ms one is due later, in Node as here.
for (const ms of [300, 100, 200, 100, 0, 50]) setTimeout(() => console.log('timeout', ms), ms);
setTimeout(() => { console.log('outer'); setTimeout(() => console.log('inner 0'), 0); setImmediate(() => console.log('immediate from timer')); }, 400);
