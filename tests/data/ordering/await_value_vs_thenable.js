const thenable = (value) => ({ then(resolve) { resolve(value); } });

(async function viaThenable() {
  await thenable(1);
  console.log('thenable resumed');
})();
(async function viaValue() {
  await 42;
  console.log('value resumed');
})();
Promise.resolve().then(() => {
  console.log('p1');
}).then(() => {
  console.log('p2');
});
console.log('main end');
