const { setInterval: every, setTimeout: wait, setImmediate: soon, scheduler } = require('timers/promises');
async function main() {
  let n = 0;
  for await (const t of every(5, 'tick')) {
    console.log(t, ++n);
    if (n === 3) break;
  }
  console.log(await soon('immediate value'));
  const ac = new AbortController();
  const p = wait(1000, null, { signal: ac.signal });
  ac.abort();
  try { await p; } catch (e) { console.log(e.name, e.code, e.message); }
  await scheduler.wait(5);
  console.log('scheduler.wait done');
  await scheduler.yield();
  console.log('yielded');
}
main();
