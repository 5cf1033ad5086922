function cpu(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

setTimeout(() => {
  console.log('A (20 ms, created first)');
}, 20);
cpu(50);
setTimeout(() => {
  console.log('B (1 ms, created after the CPU work)');
}, 1);
