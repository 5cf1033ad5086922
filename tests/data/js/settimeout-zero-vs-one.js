setTimeout(() => console.log('1ms'), 1);
setTimeout(() => console.log('0ms'), 0);
setTimeout(() => console.log('-5ms'), -5);
setTimeout(() => console.log('NaN'), NaN);
setTimeout(() => console.log('2ms'), 2);
