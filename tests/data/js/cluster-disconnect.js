// cluster: a worker with nothing left to do stays alive (its channel to the primary holds
// it) until the primary disconnects it; then it ends with code 0, exitedAfterDisconnect.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const w = cluster.fork();
  let afterCall;
  w.on('exit', (c, s) => console.log('exit', c, s, w.exitedAfterDisconnect, w.state, Object.keys(cluster.workers), afterCall));
  w.on('disconnect', () => console.log('disconnect', w.state, w.isConnected(), w.isDead(), Object.keys(cluster.workers)));
  w.on('message', (m) => {
    console.log('worker says', m);
    setTimeout(() => {
      console.log('still here', w.isDead(), w.isConnected(), w.state);
      w.disconnect();
      afterCall = `${w.exitedAfterDisconnect} [${Object.keys(cluster.workers)}]`;
    }, 200);
  });
} else {
  process.send(`worker ${cluster.worker.id} has nothing to do (connected: ${process.connected})`);
}
