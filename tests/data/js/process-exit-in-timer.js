let n = 0;
setInterval(() => { n++; console.log('n', n); if (n === 2) process.exit(); }, 2);
