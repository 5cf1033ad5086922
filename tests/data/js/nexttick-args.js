process.nextTick((a, b, c) => console.log('args', a, b, c), 'x', 2, true);
process.nextTick(function named() { console.log('no args', arguments.length); });
