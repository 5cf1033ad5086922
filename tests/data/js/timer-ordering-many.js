for (const ms of [30, 10, 20, 10, 0, 5]) setTimeout(() => console.log('timeout', ms), ms);
setTimeout(() => { console.log('outer'); setTimeout(() => console.log('inner 0'), 0); setImmediate(() => console.log('immediate from timer')); }, 40);
