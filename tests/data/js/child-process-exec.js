// exec and execFile: buffered output, a shell pipeline, errors with code and cmd.
const { exec, execFile } = require('child_process');

exec('echo a b c | wc -w', (error, stdout, stderr) => {
  console.log('words:', error, JSON.stringify(stdout.trim()), JSON.stringify(stderr));
  exec('printf "b\\na\\nc\\n" | sort', (error2, sorted) => {
    console.log('sorted:', JSON.stringify(sorted));
    execFile('sh', ['-c', 'echo out; echo err >&2; exit 4'], (error3, out, err) => {
      console.log('failed:', error3.message);
      console.log('code', error3.code, 'killed', error3.killed, 'signal', error3.signal, 'cmd', error3.cmd);
      console.log('streams', JSON.stringify(out), JSON.stringify(err));
      exec('false', (error4) => {
        console.log(error4.message.split('\n')[0], error4.code);
        execFile('echo', ['as', 'buffer'], { encoding: 'buffer' }, (error5, buffer) => {
          console.log(Buffer.isBuffer(buffer), buffer.toString());
        });
      });
    });
  });
});
