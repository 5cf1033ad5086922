function inner() {
  console.log('deep');
}
function outer() {
  inner();
}
outer();
// An arrow function is anonymous on the stack, as in Node (SpiderMonkey would guess "later<").
const later = () => setTimeout(() => console.log('in the timer'), 1);
later();
