let fired = 0;
const t = setTimeout(() => { fired++; console.log('fired', fired); if (fired < 2) t.refresh(); }, 10);
setTimeout(() => t.refresh(), 5);
console.log('hasRef', t.hasRef());
