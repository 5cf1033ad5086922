(async function worker() {
  for (let i = 1; i <= 2; i++) {
    await null;
    console.log(`after await ${i}`);
    setTimeout(() => {
      console.log(`timer ${i}`);
    }, 10);
  }
})();
Promise.resolve().then(() => {
  console.log('p1');
}).then(() => {
  console.log('p2');
});
console.log('main end');
