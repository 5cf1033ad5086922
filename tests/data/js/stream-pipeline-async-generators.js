const { pipeline, Readable, Writable, Transform, finished } = require('stream');
const sp = require('stream/promises');
async function main() {
  const out = [];
  await sp.pipeline(
    Readable.from(['alpha', 'beta', 'gamma']),
    async function* (source) {
      for await (const chunk of source) yield chunk.toUpperCase();
    },
    async function* (source) {
      for await (const chunk of source) yield `${chunk.length}:${chunk}`;
    },
    new Writable({
      objectMode: true,
      write(chunk, enc, cb) { out.push(chunk); cb(); },
    })
  );
  console.log('pipeline done', out);
  try {
    await sp.pipeline(
      Readable.from([1, 2, 3]),
      new Transform({
        objectMode: true,
        transform(n, enc, cb) { if (n === 2) cb(new Error('bad two')); else cb(null, n * 10); },
      }),
      new Writable({ objectMode: true, write(c, e, cb) { console.log('got', c); cb(); } })
    );
  } catch (e) {
    console.log('pipeline failed:', e.message);
  }
  const r = Readable.from(['x']);
  finished(r, (err) => console.log('finished cb', err));
  r.resume();
  await sp.finished(r);
  console.log('awaited finished');
  pipeline(Readable.from(['a', 'b']), new Writable({ write(c, e, cb) { console.log('w', c.toString()); cb(); } }), (err) => {
    console.log('cb pipeline', err);
  });
}
main();
