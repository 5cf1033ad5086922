const late = setTimeout(() => {
  console.log('never printed');
}, 30);
const once = setTimeout(() => {
  console.log('once');
}, 10);
clearTimeout(late);
setTimeout(() => {
  clearTimeout(once);
  console.log('cleared a timer that already fired');
}, 60);
