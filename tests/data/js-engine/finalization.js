// Ten objects registered with a FinalizationRegistry become garbage; the program then makes
// garbage that lives long enough to need full collections, a bounded number of rounds, and
// stops early once the registry's callbacks have run. A registry never keeps the loop alive.
const registry = new FinalizationRegistry((held) => {
  cleaned.push(held);
});
const cleaned = [];
(function registerTen() {
  for (let i = 0; i < 10; i++)
    registry.register({ i, pad: new Array(1000).fill(i) }, `object ${i}`);
})();

let kept = [];
function churn(round) {
  if (cleaned.length === 10 || round === 3000) {
    console.log(`cleaned ${cleaned.length} of 10`);
    return;
  }
  for (let i = 0; i < 20000; i++)
    kept.push({ i, text: 'x' + i });
  if (kept.length > 200000)
    kept = [];
  setImmediate(churn, round + 1);
}
churn(0);
