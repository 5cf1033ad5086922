const kept = [];
console.log('allocating');
for (;;) kept.push({ index: kept.length, text: `item ${kept.length}` });
