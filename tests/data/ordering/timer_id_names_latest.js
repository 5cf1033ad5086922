let t;
for (let i = 1; i <= 2; i++) {
  t = setTimeout(() => {
    console.log(`timer ${i}`);
  }, 20);
}
clearTimeout(t);
