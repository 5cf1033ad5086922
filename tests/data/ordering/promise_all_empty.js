Promise.resolve().then(() => {
  console.log('p1');
}).then(() => {
  console.log('p2');
});
(async function nothingToWaitFor() {
  console.log('before');
  await Promise.all([]);
  console.log('after');
})();
console.log('main end');
