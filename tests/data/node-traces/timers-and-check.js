// The phases' order where Node guarantees it. A timer that is due when the loop starts
// runs in the first timers phase, before the first check phase runs the immediate; in an
// I/O callback, the immediate it schedules runs before the timer it schedules (check
// comes before the next iteration's timers). Also one nextTick and one promise.
const fs = require('fs');
const path = require('path');

setTimeout(() => console.log('timeout: due when the loop starts'), 0);
setImmediate(() => console.log('immediate: first check phase'));
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise'));
const until = Date.now() + 5;
while (Date.now() < until) {
    // keep the main script busy past the timer's 1 ms
}
fs.readFile(path.basename(__filename), () => {
    setTimeout(() => console.log('timeout from I/O'), 0);
    setImmediate(() => console.log('immediate from I/O'));
});
