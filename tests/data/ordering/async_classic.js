async function async2() {
  console.log('async2');
}
async function async1() {
  console.log('async1 start');
  await async2();
  console.log('async1 end');
}

console.log('script start');
setTimeout(() => {
  console.log('setTimeout');
}, 0);
async1();
console.log('promise1');
Promise.resolve().then(() => {
  console.log('promise2');
});
console.log('script end');
