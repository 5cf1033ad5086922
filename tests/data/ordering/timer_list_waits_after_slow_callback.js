setTimeout(() => {
  console.log('A');
  setImmediate(() => {
    console.log('immediate from A');
  });
  const end = Date.now() + 70;
  while (Date.now() < end);
}, 60);
setTimeout(() => {
  console.log('helper');
  setTimeout(() => {
    console.log('B');
  }, 60);
}, 20);
setTimeout(() => {
  console.log('C');
}, 100);
console.log('main end');
