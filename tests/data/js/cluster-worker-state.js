// cluster: the states a worker goes through, worker.send to a worker that answers, and the
// worker's view (cluster.worker, process.connected, NODE_UNIQUE_ID gone after set-up).
const cluster = require('cluster');
if (cluster.isPrimary) {
  const w = cluster.fork();
  console.log('forked', w.state, w.id, typeof w.process.pid, w.isConnected(), w.isDead());
  w.on('online', () => {
    console.log('online', w.state);
    w.send('ping');
  });
  w.on('message', (m) => {
    console.log('primary got', JSON.stringify(m), w.state);
    if (m.pong) w.send({ stop: true });
  });
  w.on('exit', (code) => console.log('exit', code, w.state, w.isDead(), w.isConnected()));
} else {
  process.on('message', (m) => {
    console.log('worker got', JSON.stringify(m));
    if (m === 'ping') {
      process.send({ pong: true, id: cluster.worker.id, state: cluster.worker.state, connected: process.connected,
        uniqueId: process.env.NODE_UNIQUE_ID });
    } else {
      process.disconnect();
    }
  });
}
