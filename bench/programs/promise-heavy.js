// 100,000 awaits and 100,000 thens: one microtask each.
async function step(n) { await null; return n + 1; }
(async () => {
  let total = 0;
  for (let i = 0; i < 100000; i++)
    total = await step(total);
  let chain = Promise.resolve(0);
  for (let i = 0; i < 100000; i++)
    chain = chain.then((v) => v + 1);
  console.log(total, await chain);
})();
