setTimeout(() => console.log('A 1ms'), 1);
setTimeout(() => console.log('B 2ms'), 2);
const start = Date.now();
while (Date.now() - start < 10) {}
setTimeout(() => console.log('C 1ms after busy wait'), 1);
