const thenable = (value) => ({ then(resolve) { resolve(value); } });

Promise.resolve().then(() => {
  console.log('p1');
}).then(() => {
  console.log('p2');
});
(async function racer() {
  await Promise.race([thenable('slow'), 1]);
  console.log('race settled');
})();
console.log('main end');
