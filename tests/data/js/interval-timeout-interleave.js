// An interval and two timeouts interleave by due time. The gaps are wide (100 ms each
// side) because an interval is rescheduled from when its callback ran: on a busy machine
// its late ticks drift, and a 20 ms gap was not enough.
let ticks = 0;
const iv = setInterval(() => { ticks++; console.log('interval', ticks); if (ticks === 4) clearInterval(iv); }, 200);
setTimeout(() => console.log('timeout 300'), 300);
setTimeout(() => console.log('timeout 700'), 700);
