const t = setTimeout(() => console.log('never'), 5);
setTimeout(() => console.log('other'), 10);
clearTimeout(t);
clearTimeout(undefined);
clearTimeout(null);
const numeric = setTimeout(() => console.log('cleared by number'), 5);
clearTimeout(+numeric);
