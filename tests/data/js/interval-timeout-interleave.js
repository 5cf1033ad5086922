let ticks = 0;
const iv = setInterval(() => { ticks++; console.log('interval', ticks); if (ticks === 4) clearInterval(iv); }, 40);
setTimeout(() => console.log('timeout 60'), 60);
setTimeout(() => console.log('timeout 140'), 140);
