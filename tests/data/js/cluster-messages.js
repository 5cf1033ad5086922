// cluster: a worker forked with its own environment; messages both ways as JSON; the
// primary's fork, online, message, disconnect and exit events in Node's order; and
// process.exit(3) in the worker. (The worker logs only after the primary has answered,
// so every line here is ordered by the messages themselves.)
const cluster = require('cluster');
if (cluster.isPrimary) {
  console.log('primary', typeof process.pid, cluster.isMaster, cluster.isWorker);
  const w = cluster.fork({ GREETING: 'hi' });
  console.log('forked', w.id, Object.keys(cluster.workers), w.state);
  cluster.on('fork', (w) => console.log('cluster fork', w.id));
  cluster.on('online', (w) => console.log('cluster online', w.id));
  w.on('online', () => console.log('worker online', w.state));
  w.on('message', (m) => { console.log('primary got', m); w.send({ reply: m.n + 1 }); });
  cluster.on('message', (worker, m) => console.log('cluster message from', worker.id, m.n));
  w.on('disconnect', () => console.log('worker disconnect', w.state));
  w.on('exit', (code, signal) => console.log('worker exit', code, signal, w.exitedAfterDisconnect, w.isDead(), w.state));
  cluster.on('exit', (w, code, signal) => console.log('cluster exit', w.id, code, signal, Object.keys(cluster.workers)));
  cluster.on('disconnect', (w) => console.log('cluster disconnect', w.id));
  process.on('exit', () => console.log('primary exit'));
} else {
  process.send({ n: 41, greeting: process.env.GREETING, id: cluster.worker.id, roles: [cluster.isPrimary, cluster.isWorker] });
  process.on('message', (m) => { console.log('worker got', m); process.exit(3); });
}
