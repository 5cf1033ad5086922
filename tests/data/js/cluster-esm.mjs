// cluster from an ES module: the workers run the module too; each sends a message and the
// primary counts them, then disconnects everyone.
import cluster from 'node:cluster';
import process from 'node:process';

if (cluster.isPrimary) {
  const got = [];
  for (let i = 0; i < 3; i++) cluster.fork({ INDEX: String(i * 10) });
  cluster.on('message', (worker, message) => {
    got.push(`${worker.id}:${message.index}:${message.square}`);
    if (got.length === 3) {
      console.log(got.sort().join(' '));
      cluster.disconnect(() => console.log('disconnected', Object.keys(cluster.workers).length));
    }
  });
} else {
  const index = Number(process.env.INDEX);
  process.send({ index, square: index * index });
}
