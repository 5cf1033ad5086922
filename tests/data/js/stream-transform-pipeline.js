// Transform streams in pipeline(): the callback after the last stream finishes, an
// error thrown in one transform destroying every stream with its message, flush(),
// PassThrough, and stream/promises' pipeline with an async generator stage.
const { Readable, Writable, Transform, PassThrough, pipeline } = require('stream');
const promises = require('stream/promises');

const upper = () => new Transform({
  transform(chunk, encoding, callback) {
    callback(null, String(chunk).toUpperCase());
  },
  flush(callback) {
    this.push('!');
    callback();
  },
});

function collector(name, out) {
  return new Writable({
    write(chunk, encoding, callback) {
      out.push(String(chunk));
      callback();
    },
  }).on('finish', () => console.log(`${name} finish`));
}

const first = [];
pipeline(Readable.from(['one ', 'two ', 'three']), upper(), new PassThrough(), collector('first', first), (error) => {
  console.log('first pipeline done:', error, JSON.stringify(first));
  failing();
});

function failing() {
  const streams = [
    Readable.from(['a', 'b', 'c', 'd']),
    new Transform({
      transform(chunk, encoding, callback) {
        if (String(chunk) === 'c')
          return callback(new Error('no c allowed'));
        callback(null, chunk);
      },
    }),
    collector('second', []),
  ];
  streams.forEach((stream, index) => stream.on('close', () => console.log(`second stream ${index} close`)));
  pipeline(...streams, (error) => {
    console.log('second pipeline error:', error.message);
    console.log('destroyed:', streams.map((stream) => stream.destroyed).join(','));
    withPromises();
  });
}

async function withPromises() {
  const out = [];
  await promises.pipeline(
    Readable.from([1, 2, 3, 4]),
    async function* double(source) {
      for await (const n of source)
        yield `${n * 2};`;
    },
    collector('third', out),
  );
  console.log('third pipeline resolved', out.join(''));
  try {
    await promises.pipeline(Readable.from(['x']), async function* (source) {
      for await (const chunk of source)
        throw new Error(`bad chunk ${chunk}`);
    }, collector('fourth', []));
  } catch (error) {
    console.log('fourth pipeline rejected:', error.message);
  }
}
