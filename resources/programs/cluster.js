// The handler of "A CPU-heavy request", run by two Node processes with the cluster
// module: the primary listens and deals the connections round-robin, so each worker -
// a whole Node process, with its own loop and thread pool - gets every other request
// and computes on its own core.
const cluster = require('cluster');
const http = require('http');

if (cluster.isPrimary) {
  console.log(`primary ${process.pid} forks 2 workers`);
  for (let i = 0; i < 2; i++)
    cluster.fork();
  cluster.on('exit', (worker, code) => console.log(`worker ${worker.id} exited with code ${code}`));
  process.on('exit', () => console.log('primary exits'));
} else {
  function resizeImage() {
    let total = 0;
    for (let i = 0; i < 100_000_000; i++)
      total += i % 7;
    return total;
  }

  http.createServer((request, response) => {
    console.log(`worker ${cluster.worker.id} resizes for ${request.url}`);
    response.end(`${resizeImage()}\n`);
  }).listen(0);
  console.log(`worker ${cluster.worker.id} (${process.pid}) started`);
}
