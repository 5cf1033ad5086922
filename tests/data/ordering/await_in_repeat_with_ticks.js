(async function loop() {
  for (let i = 1; i <= 3; i++) {
    console.log(`iteration ${i}`);
    process.nextTick(() => {
      console.log(`tick ${i}`);
    });
    await null;
  }
  console.log('loop done');
})();
console.log('main end');
