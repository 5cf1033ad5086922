// Readables as async iterables: object mode with a highWaterMark counted in objects,
// Readable.from() over a generator, `for await` interleaved with timers and ticks, a
// `break` that destroys the stream, and an error thrown out of the loop.
const { Readable } = require('stream');

function counter(limit) {
  let next = 0;
  return new Readable({
    objectMode: true,
    highWaterMark: 2,
    read() {
      next += 1;
      console.log(`  _read -> ${next <= limit ? next : 'null'} (buffered ${this.readableLength})`);
      this.push(next <= limit ? { n: next } : null);
    },
  });
}

async function main() {
  const source = counter(4);
  console.log('highWaterMark', source.readableHighWaterMark, 'objectMode', source.readableObjectMode);
  for await (const item of source) {
    console.log('item', item.n);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  console.log('loop over; destroyed', source.destroyed, 'ended', source.readableEnded);

  const early = counter(10);
  early.on('close', () => console.log('early close event'));
  for await (const item of early) {
    console.log('early item', item.n);
    if (item.n === 2)
      break;
  }
  console.log('after break; destroyed', early.destroyed);

  function* letters() {
    yield 'x';
    yield 'y';
    console.log('  generator done');
  }
  const fromGenerator = Readable.from(letters());
  process.nextTick(() => console.log('tick before first letter'));
  for await (const letter of fromGenerator)
    console.log('letter', letter);

  const failing = new Readable({
    read() {
      this.destroy(new Error('disk on fire'));
    },
  });
  try {
    for await (const chunk of failing)
      console.log('never', chunk);
  } catch (error) {
    console.log('caught', error.message);
  }

  const items = await Readable.from([1, 2, 3, 4, 5]).filter((n) => n % 2).map((n) => n * 10).toArray();
  console.log('operators', items);
}

main().then(() => console.log('main done'));
