async function* numbers() { for (let i = 0; i < 3; i++) { await new Promise((r) => setTimeout(r, 20)); yield i; } }
(async () => {
  for await (const n of numbers()) console.log('got', n);
  console.log('done');
})();
setImmediate(() => console.log('immediate while waiting'));
