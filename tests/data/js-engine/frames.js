function inner() {
  console.log('deep');
}
function outer() {
  inner();
}
outer();
