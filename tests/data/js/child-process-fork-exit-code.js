// A forked child's arguments and exit code; without a 'message' listener it ends by itself.
const { fork } = require('child_process');
const child = fork(`${__dirname}/modules/child-process/echo-args.js`, ['3', 'x']);
child.on('exit', (code, signal) => {
  console.log('exit', code, signal);
  const again = fork(`${__dirname}/modules/child-process/echo-args.js`);
  again.on('exit', (code2) => console.log('second exit', code2));
});
