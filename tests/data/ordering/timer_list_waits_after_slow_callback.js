function cpu(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

setTimeout(() => {
  console.log('A');
  setImmediate(() => {
    console.log('immediate from A');
  });
  cpu(60);
}, 50);
setTimeout(() => {
  console.log('C');
}, 60);
cpu(25);
setTimeout(() => {
  console.log('B');
}, 50);
console.log('main end');
