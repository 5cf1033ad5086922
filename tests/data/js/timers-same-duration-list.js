// Node keeps one list per duration: C joins the 1 ms list (behind A), so once it is due
// it runs before the 2 ms list's B, although B was due first. The second wait makes C
// due before the loop starts, so the order does not depend on the machine's speed.
setTimeout(() => console.log('A 1ms'), 1);
setTimeout(() => console.log('B 2ms'), 2);
const start = Date.now();
while (Date.now() - start < 10) {}
setTimeout(() => console.log('C 1ms after busy wait'), 1);
const again = Date.now();
while (Date.now() - again < 5) {}
