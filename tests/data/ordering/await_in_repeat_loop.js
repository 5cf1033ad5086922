(async function loop() {
  for (let i = 1; i <= 3; i++) {
    console.log(`iteration ${i}`);
    await null;
  }
  console.log('loop done');
})();
Promise.resolve().then(() => {
  console.log('pa');
}).then(() => {
  console.log('pb');
});
console.log('sync end');
