(async function stuck() {
  console.log('stuck waits');
  await Promise.race([]);
  console.log('stuck resumed');
})();
(async function free() {
  console.log('free waits');
  await Promise.all([]);
  console.log('free resumed');
})();
setTimeout(() => {
  console.log('timer');
}, 10);
console.log('main end');
