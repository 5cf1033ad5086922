// A command that is not there: 'error' with Node's text, then 'close'; kill() a sleep.
const { spawn } = require('child_process');

const missing = spawn('no-such-command-here', ['--flag']);
missing.on('error', (error) => {
  console.log('error:', error.message);
  console.log(error.code, error.errno, error.syscall, error.path, error.spawnargs, missing.pid);
});
missing.on('exit', () => console.log('never'));
missing.on('close', (code, signal) => {
  console.log('close', code, signal, missing.exitCode);
  const sleeper = spawn('sleep', ['10']);
  sleeper.on('spawn', () => {
    console.log('sleeping, kill:', sleeper.kill());
    console.log('killed flag', sleeper.killed);
  });
  sleeper.on('exit', (code2, signal2) => {
    console.log('sleep exit', code2, signal2, sleeper.exitCode, sleeper.signalCode);
    console.log('kill again:', sleeper.kill('SIGKILL'));
  });
  sleeper.on('close', (code2, signal2) => console.log('sleep close', code2, signal2));
});
try {
  missing.kill('SIGNOPE');
} catch (error) {
  console.log(error.code, error.message);
}
