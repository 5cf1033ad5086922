function cpu(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

setTimeout(() => {
  console.log('timer');
}, 10);
setImmediate(() => {
  console.log('immediate');
});
cpu(100); // crunch numbers
console.log('cpu done');
