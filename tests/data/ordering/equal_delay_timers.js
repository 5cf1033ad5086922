setTimeout(() => {
  console.log('A');
}, 50);
setTimeout(() => {
  console.log('zero');
}, 0);
setTimeout(() => {
  console.log('B');
}, 50);
setTimeout(() => {
  console.log('one');
}, 1);
setTimeout(() => {
  console.log('C');
}, 50);
