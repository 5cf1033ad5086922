process.exitCode = 3;
process.on('exit', (code) => console.log('exit with', code));
setTimeout(() => console.log('timer still runs'), 5);
