// The article's first example: the callback waits in the timers queue while the main
// script finishes, and runs when the loop comes back to the timers phase.
console.log('Start');

setTimeout(() => {
  console.log('Timer finished');
}, 2000);

console.log('End');
