const thenable = (value) => ({ then(resolve) { resolve(value); } });

async function f() {
  console.log('f1');
  await thenable(1);
  console.log('f2');
}
async function g() {
  for (let i = 1; i <= 2; i++) {
    console.log(`a${i}`);
    await null;
    console.log(`b${i}`);
  }
  console.log('done');
}

f();
Promise.resolve().then(() => {
  console.log('p1');
}).then(() => {
  console.log('p2');
});
console.log('sync');
g();
console.log('after');
