// Logs without end, never returning to the loop: the run stops at its event limit.
let line = 0;
for (;;)
  console.log(`line ${++line}`);
