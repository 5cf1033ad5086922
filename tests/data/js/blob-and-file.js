// Blob and File: sizes, types, slices (a part that ends where a slice starts stays in it,
// empty), and when their reads settle against a chain of microtasks: Node takes a blob's
// parts one at a time, so a blob of k parts settles 2k - 1 microtasks after the call.
function raced(label, promise) {
  let hops = 0;
  let settled = false;
  promise.then((value) => {
    settled = true;
    console.log(label, 'after', hops, 'microtasks:', value instanceof ArrayBuffer ? `${value.byteLength} bytes` : value);
  });
  const step = () => {
    if (!settled && hops < 40) {
      hops++;
      queueMicrotask(step);
    }
  };
  queueMicrotask(step);
}

const greeting = new Blob(['hello ', Buffer.from('world'), new Uint8Array([33])], { type: 'Text/Plain' });
console.log(greeting, greeting.size, greeting.type, Object.prototype.toString.call(greeting));
console.log([greeting], { greeting }, require('buffer').Blob === Blob);
const file = new File(['a,b\n1,2\n'], 'table.csv', { type: 'text/csv', lastModified: 1700000000000 });
console.log(file, file.name, file.lastModified, file instanceof Blob);
try {
  new Blob('not a sequence');
} catch (error) {
  console.log(error.name, error.code, error.message);
}

const reads = [
  ['whole', () => greeting.arrayBuffer()],
  ['text', () => greeting.text()],
  ['first word', () => greeting.slice(0, 5).text()],
  ['from a boundary', () => greeting.slice(6, 11).text()],
  ['last byte', () => greeting.slice(-1).text()],
  ['empty slice', () => greeting.slice(4, 4).text()],
  ['nested', () => new Blob([greeting, '?']).text()],
  ['empty parts', () => new Blob(['', 'x', '']).arrayBuffer()],
  ['no parts', () => new Blob().arrayBuffer()],
  ['file', () => file.text()],
];
(async () => {
  for (const [label, read] of reads) {
    raced(label, read());
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  // Reads started together finish in order of their parts.
  raced('three parts', greeting.text());
  raced('one part', greeting.slice(0, 3).text());
})();
