process.nextTick(() => {
  console.log('tick');
});
for (let i = 1; i <= 3; i++) {
  console.log(`iteration ${i}`);
  Promise.resolve().then(() => {
    console.log(`promise ${i}`);
  });
  await null;
}
console.log('done');
