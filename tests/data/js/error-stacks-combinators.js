// V8's async frame for the element of Promise.all / allSettled / any that failed:
// "at async Promise.all (index N)" between the failed function's frames and the awaiting one's.
const show = (error) => console.log(error.stack.replaceAll(__dirname, '.'));

async function fetchPrice(item) {
  await null;
  if (item === 'ghost')
    throw new Error(`no price for ${item}`);
  return item.length;
}
async function slowPrice() {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return 2;
}
async function lookUp(item) {
  await null;
  return await fetchPrice(item);
}

async function total() {
  try {
    await Promise.all([slowPrice(), fetchPrice('ghost')]);
  } catch (error) {
    show(error);
  }
}
async function settled() {
  const results = await Promise.allSettled([fetchPrice('ghost'), slowPrice()]);
  show(results[0].reason);
}
async function anyOf() {
  try {
    await Promise.any([fetchPrice('ghost'), fetchPrice('ghost')]);
  } catch (aggregate) {
    show(aggregate.errors[1]);
  }
}
async function nested() {
  try {
    await Promise.all([slowPrice(), slowPrice(), lookUp('ghost')]);
  } catch (error) {
    show(error);
  }
}
async function mapped() {
  await Promise.all(['pen', 'ghost'].map(async function priceOf(item) {
    await null;
    if (item === 'ghost')
      throw new TypeError('mapped');
  }));
}

total().then(settled).then(anyOf).then(nested).then(mapped).catch(show).then(() => {
  Promise.all([fetchPrice('ghost')]).catch(show);
  const values = [1, 2, 3].map(async (n) => { await null; if (n === 3) throw new Error(`item ${n}`); return n; });
  Promise.all(values).catch(show);
});
