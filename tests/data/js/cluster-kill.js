// cluster: an uncaught exception ends a worker with code 1 (its error goes to stderr); a
// worker killed with SIGTERM exits with code null and signal 'SIGTERM'.
const cluster = require('cluster');
if (cluster.isPrimary) {
  cluster.setupPrimary({ silent: false });
  cluster.on('setup', (s) => console.log('setup', typeof s.exec, Array.isArray(s.args)));
  let sleeperOnline = false;
  const thrower = cluster.fork({ ROLE: 'thrower' });
  const sleeper = cluster.fork({ ROLE: 'sleeper' });
  sleeper.on('online', () => { sleeperOnline = true; });
  thrower.on('online', () => thrower.send('throw'));
  cluster.on('exit', (w, code, signal) => {
    console.log('exit', w.id, code, signal, w.exitedAfterDisconnect, w.isDead());
    if (w === thrower) {
      const kill = () => console.log('kill ->', sleeper.kill());
      if (sleeperOnline) kill(); else sleeper.on('online', kill);
    }
  });
} else if (process.env.ROLE === 'thrower') {
  process.on('message', () => { throw new Error('boom in worker'); });
} else {
  setInterval(() => {}, 1000);
}
