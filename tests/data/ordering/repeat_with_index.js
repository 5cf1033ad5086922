for (let i = 1; i <= 3; i++) {
  console.log(`item ${i}`);
  setTimeout(() => {
    console.log(`timer ${i}`);
  }, 10);
  process.nextTick(() => {
    console.log(`tick ${i}`);
  });
}
for (let outer = 1; outer <= 2; outer++) {
  for (let i = 1; i <= 2; i++) {
    console.log(`inner ${i}`);
  }
}
