// Duplex and Transform in object mode: a Transform nobody reads from fills both its
// sides and write() returns false; reading drains it ('drain' after the readable side
// is emptied); a Duplex whose sides are independent; Duplex.from() over an async
// generator function; duplexPair(); compose(); and each callback's place among ticks,
// microtasks and immediates.
const { Duplex, Transform, Writable, Readable, compose, duplexPair } = require('stream');

function fillTransform() {
  return new Promise((resolve) => {
    let transformed = 0;
    const double = new Transform({
      objectMode: true,
      highWaterMark: 2,
      transform(n, encoding, callback) {
        transformed += 1;
        callback(null, n * 2);
      },
    });
    const accepted = [];
    for (let n = 1; n <= 8; n++)
      accepted.push(double.write(n));
    console.log('write results', accepted.join(','));
    console.log('transformed', transformed, 'readableLength', double.readableLength,
                'writableLength', double.writableLength);
    double.on('drain', () => console.log('drain; transformed', transformed));
    setImmediate(() => {
      const read = [];
      let value;
      while ((value = double.read()) !== null)
        read.push(value);
      console.log('read', read.join(','), '| transformed', transformed);
      double.end();
      double.on('readable', () => {
        while ((value = double.read()) !== null)
          read.push(value);
      });
      double.on('end', () => {
        console.log('end; all read', read.join(','));
        resolve();
      });
    });
  });
}

function independentSides() {
  return new Promise((resolve) => {
    const order = [];
    const duplex = new Duplex({
      objectMode: true,
      read() {
        order.push('read');
        this.push({ side: 'readable' });
        this.push(null);
      },
      write(chunk, encoding, callback) {
        order.push(`write ${chunk.side}`);
        Promise.resolve().then(() => { order.push('write callback (microtask)'); callback(); });
      },
      final(callback) {
        order.push('final');
        setImmediate(callback);
      },
    });
    duplex.on('data', (chunk) => order.push(`data ${chunk.side}`));
    duplex.on('end', () => order.push('end'));
    duplex.on('finish', () => order.push('finish'));
    duplex.on('close', () => {
      order.push('close');
      console.log(order.join('\n'));
      resolve();
    });
    duplex.write({ side: 'writable' });
    duplex.end();
    process.nextTick(() => order.push('tick'));
    setImmediate(() => order.push('immediate'));
  });
}

async function fromAndCompose() {
  const numbered = Duplex.from(async function* (source) {
    let line = 0;
    for await (const chunk of source)
      yield `${++line}: ${chunk}`;
  });
  const results = [];
  numbered.on('data', (chunk) => results.push(String(chunk)));
  numbered.write('alpha');
  numbered.end('beta');
  await new Promise((resolve) => numbered.on('end', resolve));
  console.log('Duplex.from', JSON.stringify(results));

  const [left, right] = duplexPair();
  right.on('data', (chunk) => {
    console.log('right got', String(chunk));
    right.end('bye');
  });
  left.on('data', (chunk) => console.log('left got', String(chunk)));
  left.write('hello');
  await new Promise((resolve) => left.on('end', resolve));
  console.log('left end');

  const pipelineStream = compose(
    new Transform({ objectMode: true, transform(n, encoding, callback) { callback(null, n + 1); } }),
    new Transform({ objectMode: true, transform(n, encoding, callback) { callback(null, n * 10); } }),
  );
  const composed = await Readable.from([1, 2, 3]).compose(pipelineStream).toArray();
  console.log('composed', composed.join(','));
}

(async () => {
  await fillTransform();
  console.log('---');
  await independentSides();
  console.log('---');
  await fromAndCompose();
})();
