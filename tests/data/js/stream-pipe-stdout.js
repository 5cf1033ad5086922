// pipe(): a fast source into a slow destination pauses on backpressure and resumes on
// 'drain'; 'pipe'/'unpipe' events; the legacy Stream's pipe(); and readables piped
// into process.stdout, whose writes keep their place among console lines.
const { Readable, Writable, PassThrough, Stream } = require('stream');

function pipeWithBackpressure() {
  return new Promise((resolve) => {
    let produced = 0;
    const source = new Readable({
      highWaterMark: 4,
      read() {
        produced += 1;
        this.push(produced <= 6 ? `chunk${produced}` : null);
      },
    });
    const events = [];
    const slow = new Writable({
      highWaterMark: 10,
      write(chunk, encoding, callback) {
        events.push(`write ${chunk}`);
        setTimeout(callback, 1);
      },
    });
    slow.on('pipe', (from) => events.push(`pipe event (from source: ${from === source})`));
    slow.on('drain', () => events.push('drain'));
    source.on('pause', () => events.push('source pause'));
    source.on('resume', () => events.push('source resume'));
    slow.on('finish', () => {
      console.log(events.join('\n'));
      resolve();
    });
    source.pipe(slow);
  });
}

function unpipeHalfway() {
  return new Promise((resolve) => {
    const source = new PassThrough();
    const got = [];
    const sink = new Writable({
      write(chunk, encoding, callback) {
        got.push(String(chunk));
        if (got.length === 2)
          source.unpipe(sink);
        callback();
      },
    });
    sink.on('unpipe', () => {
      console.log('unpipe after', got.join(','), '| source flowing', source.readableFlowing);
      resolve();
    });
    source.pipe(sink);
    source.write('1');
    source.write('2');
    source.write('3');
  });
}

function legacy() {
  const old = new Stream();
  old.readable = true;
  const sink = new PassThrough();
  const got = [];
  sink.on('data', (chunk) => got.push(String(chunk)));
  sink.on('end', () => console.log('legacy stream piped:', got.join('')));
  old.pipe(sink);
  old.emit('data', 'old ');
  old.emit('data', 'style');
  old.emit('end');
}

async function main() {
  await pipeWithBackpressure();
  await unpipeHalfway();
  legacy();
  await new Promise((resolve) => setImmediate(resolve));
  console.log('stdout write returns', process.stdout.write('no newline yet... '));
  process.stdout.write('now\n', () => console.log('stdout write callback'));
  console.log('after the write, writable', process.stdout.writable);
  const text = Readable.from(['piped ', 'into ', 'stdout\n', 'second line\n']);
  text.on('end', () => console.log('source end; stdout still writable', process.stdout.writable));
  text.pipe(process.stdout);
  await new Promise((resolve) => text.on('close', resolve));
  console.log('big write returns', process.stdout.write(`${'z'.repeat(20000)}\n`));
  process.stdout.once('drain', () => console.log('stdout drain'));
}

main();
