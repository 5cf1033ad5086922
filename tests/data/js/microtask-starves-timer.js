let n = 0;
setTimeout(() => console.log('timer after', n, 'microtasks'), 0);
function spin() { if (++n < 10000) Promise.resolve().then(spin); }
spin();
