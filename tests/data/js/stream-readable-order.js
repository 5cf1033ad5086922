// A Readable's events against ticks, microtasks and immediates: flowing mode with
// 'data', paused mode with 'readable' and read(), and push() from inside _read().
const { Readable } = require('stream');

function flowing() {
  return new Promise((resolve) => {
    const source = new Readable({ read() {} });
    source.on('data', (chunk) => console.log('flowing data', String(chunk)));
    source.on('end', () => console.log('flowing end'));
    source.on('close', () => { console.log('flowing close'); resolve(); });
    source.push('a');
    source.push('b');
    source.push(null);
    console.log('flowing pushed; readableFlowing =', source.readableFlowing);
    process.nextTick(() => console.log('flowing tick'));
    Promise.resolve().then(() => console.log('flowing microtask'));
    setImmediate(() => console.log('flowing immediate'));
  });
}

function paused() {
  return new Promise((resolve) => {
    let reads = 0;
    const source = new Readable({
      highWaterMark: 4,
      read(size) {
        reads += 1;
        console.log(`paused _read #${reads} size=${size}`);
        if (reads <= 3)
          this.push(`r${reads}-`);
        else
          this.push(null);
      },
    });
    source.on('readable', () => {
      let chunk;
      const got = [];
      while ((chunk = source.read()) !== null)
        got.push(String(chunk));
      console.log('paused readable ->', JSON.stringify(got), 'length', source.readableLength);
    });
    source.on('end', () => console.log('paused end'));
    source.on('close', () => { console.log('paused close'); resolve(); });
    process.nextTick(() => console.log('paused tick'));
  });
}

function asyncPushes() {
  return new Promise((resolve) => {
    let n = 0;
    const source = new Readable({
      objectMode: true,
      read() {
        n += 1;
        if (n > 3)
          return setImmediate(() => this.push(null));
        setTimeout(() => this.push({ n }), 1);
      },
    });
    const seen = [];
    source.on('data', (item) => seen.push(item.n));
    source.on('end', () => { console.log('async pushes', seen.join(',')); resolve(); });
  });
}

(async () => {
  await flowing();
  console.log('---');
  await paused();
  console.log('---');
  await asyncPushes();
  console.log('done');
})();
