// Timeout and Immediate objects as Node prints them: their list links while pending, the
// async ids they take (the main script is 1, stdout's pipe takes one when first made), a
// cleared Timeout's -1, and kHasPrimitive once a Timeout became a number. _idleStart is
// the loop's clock, so it is masked.
const util = require('util');
const show = (label, value) => console.log(label, util.inspect(value).replace(/_idleStart: \d+/, '_idleStart: N'));

console.log('start');
const first = setTimeout(function firstFired() {
  show('first, in its callback:', first);
}, 200);
const second = setTimeout(() => {}, 200);
show('first, pending, with a newer one:', first);
show('second:', second);
const numbered = setTimeout(() => {}, 30);
console.log('as a number:', +numbered === Object.getOwnPropertySymbols(numbered).map((s) => numbered[s])[2]);
clearTimeout(+numbered);
show('cleared by its number:', numbered);

const immediate = setImmediate(function tick() {
  show('immediate, running:', immediate);
  const inner = setTimeout(() => {
    show('inner, running:', inner);
    every = setInterval(() => {
      count++;
      if (count === 1)
        show('interval, in its callback:', every);
      else {
        clearInterval(every);
        show('cleared in its callback:', every);
      }
    }, 2);
    every.unref();
  }, 1);
  show('inner, made in an immediate:', inner);
});
const later = setImmediate(() => {});
clearImmediate(later);
show('cleared immediate:', later);
show('pending immediate:', immediate);

let count = 0;
let every;
console.log(first.hasRef(), immediate.hasRef(), later.hasRef());
