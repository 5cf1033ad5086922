// A forked child for child-process-fork-options: where it runs, what it was given, and a tick a message.
console.log('kid cwd base', require('path').basename(process.cwd()), 'env', process.env.KID_VALUE, 'unique', process.env.NODE_UNIQUE_ID);
let n = 0;
const timer = setInterval(() => process.send({ tick: ++n }), 20);
process.on('message', (m) => { if (m === 'stop') clearInterval(timer); });
process.on('disconnect', () => { clearInterval(timer); console.log('kid sees disconnect'); });
