// fork with cwd and env, kill() of a forked child, then stdio given as descriptors and streams
// (0, process.stdout, inherit), a piped stdout piped on, exec with env, cwd and an encoding.
const cp = require('child_process');
const kid = cp.fork('ticker.js', [], { cwd: __dirname + '/modules/child-process', env: { KID_VALUE: 'seven' } });
kid.on('message', (m) => {
  console.log('tick', m.tick);
  if (m.tick === 3) {
    kid.send('stop', (err) => console.log('sent stop', err));
    setTimeout(() => { console.log('kill', kid.kill()); }, 50);
  }
});
kid.on('exit', (code, signal) => console.log('kid exit', code, signal, kid.killed));
kid.on('close', (code, signal) => {
  console.log('kid close', code, signal);
  const p = cp.spawn('sh', ['-c', 'echo piped; echo err >&2'], { stdio: [0, 'pipe', 'pipe'] });
  p.stdout.pipe(process.stdout);
  p.stderr.on('data', (d) => console.log('stderr:', d.toString().trim()));
  p.on('close', () => {
    const q = cp.spawn('echo', ['via process.stdout'], { stdio: ['ignore', process.stdout, 'inherit'] });
    q.on('close', (c) => {
      console.log('q closed', c);
      console.log(cp.execFileSync('sh', ['-c', 'echo $0 $1', 'a', 'b'], { encoding: 'utf8' }).trim());
      cp.exec('echo $X; pwd', { env: { X: 'exported' }, cwd: __dirname + '/modules/child-process', encoding: 'latin1' }, (e, out) => {
        console.log(e, out.split('\n')[0], out.trim().endsWith('/child-process'));
      });
    });
  });
});
