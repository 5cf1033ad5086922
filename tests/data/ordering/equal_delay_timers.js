setTimeout(() => {
  console.log('A');
}, 10);
setTimeout(() => {
  console.log('zero');
}, 0);
setTimeout(() => {
  console.log('B');
}, 10);
setTimeout(() => {
  console.log('one');
}, 1);
setTimeout(() => {
  console.log('C');
}, 10);
