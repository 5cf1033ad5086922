function inner() {
  console.log('in inner');
  process.nextTick(() => {
    console.log('tick from inner');
  });
}
function outer() {
  console.log('enter outer');
  inner();
  console.log('leave outer');
}

outer();
console.log('after calls');
