setTimeout(() => {
  console.log('A');
  setTimeout(() => {
    console.log('B from A');
  }, 30);
  setTimeout(() => {
    console.log('1 ms from A');
  }, 1);
}, 30);
setTimeout(() => {
  console.log('C');
}, 45);
setTimeout(() => {
  console.log('D');
}, 90);
console.log('main end');
