setTimeout(() => {
  console.log('c (100 ms)');
}, 100);
setTimeout(() => {
  console.log('a (20 ms)');
}, 20);
setTimeout(() => {
  console.log('b (60 ms)');
}, 60);
