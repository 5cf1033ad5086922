// A CPU worker for the child-process-fork-* programs: sums 0..n-1 for each request.
process.on('message', (request) => {
  if (request.stop) {
    process.disconnect();
    return;
  }
  let sum = 0;
  for (let i = 0; i < request.n; i++)
    sum += i;
  process.send({ id: request.id, sum });
});
process.send({ ready: true, argv: process.argv.slice(2), connected: process.connected });
