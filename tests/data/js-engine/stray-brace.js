const values = [1, 2];

function total() {
  return values.reduce((a, b) => a + b);
}
}
console.log(total());
