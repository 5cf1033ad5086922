let B;
let C;
setTimeout(() => {
  console.log('A');
  clearTimeout(B);
}, 10);
B = setTimeout(() => {
  console.log('B never printed');
}, 10);
C = setTimeout(() => {
  console.log('C never printed');
}, 60);
setTimeout(() => {
  console.log('D');
  clearTimeout(C);
}, 30);
