let depth = 0;
function next() { depth++; console.log('depth', depth); if (depth < 5) setTimeout(next, 0); else setImmediate(() => console.log('done')); }
setTimeout(next, 0);
