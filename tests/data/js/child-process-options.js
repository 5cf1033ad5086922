// spawn options and outcomes: a shell command's exit code, piped stdin written in pieces,
// spawnSync input and a signal, a promisified failure, spawn's timeout; the module's exports.
const cp = require('child_process');
const util = require('util');
// spawn with shell string, exit codes, signals, stdin end
const a = cp.spawn('exit 3', { shell: true });
a.on('exit', (c, s) => {
  console.log('a', c, s, a.exitCode, a.signalCode, a.killed);
  const b = cp.spawn('cat', [], { stdio: ['pipe', 'pipe', 'ignore'] });
  console.log('b stderr', b.stderr, b.stdio.length);
  b.stdout.setEncoding('utf8');
  let got = '';
  b.stdout.on('data', (d) => (got += d));
  b.on('close', (c2) => {
    console.log('b close', c2, JSON.stringify(got));
    const r = cp.spawnSync('sh', ['-c', 'cat; echo done >&2'], { input: Buffer.from('piped in\n') });
    console.log(r.stdout.toString(), r.stderr.toString().trim(), r.status);
    const r2 = cp.spawnSync('sh', ['-c', 'kill -TERM $$']);
    console.log('r2', r2.status, r2.signal);
    util.promisify(cp.execFile)('sh', ['-c', 'exit 9']).catch((e) => {
      console.log('rejected', e.code, e.message.trim(), JSON.stringify(e.stdout));
      const t = cp.spawn('sleep', ['3'], { timeout: 50 });
      t.on('exit', (c3, s3) => console.log('timeout exit', c3, s3, t.killed));
    });
  });
  b.stdin.write('x');
  b.stdin.write(Buffer.from('y'));
  b.stdin.end('z\n');
});
console.log(typeof cp.ChildProcess, a instanceof cp.ChildProcess, a instanceof require('events'));
console.log(Object.keys(cp).sort().join(','));
