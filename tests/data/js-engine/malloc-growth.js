// Each array's elements are malloc'd beside the engine's heap, which counts only the
// small array objects: the heap limit alone never stops this.
const kept = [];
console.log('allocating');
for (;;) kept.push(new Array(1000).fill(kept.length));
