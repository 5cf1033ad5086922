const { Readable, Writable, pipeline, PassThrough, addAbortSignal, compose } = require('stream');
async function* numbers() {
  yield 1; yield 2;
  throw new Error('source failed');
}
pipeline(Readable.from(numbers()), new Writable({ objectMode: true, write(c, e, cb) { console.log('wrote', c); cb(); } }), (err) => {
  console.log('pipeline cb:', err && err.message);
  const pt = new PassThrough();
  const ac = new AbortController();
  addAbortSignal(ac.signal, pt);
  pt.on('error', (e) => console.log('abort error', e.name, e.code));
  pt.on('close', () => console.log('pt closed', pt.destroyed));
  ac.abort();
  const r = new Readable({ read() {} });
  r.on('error', (e) => console.log('readable error:', e.message));
  r.on('close', () => {
    console.log('readable closed, errored:', r.errored && r.errored.message);
    (async () => {
      const rs = Readable.from(['a', 'b', 'c']);
      const out = [];
      for await (const x of rs) { out.push(x); if (x === 'b') break; }
      console.log('broke out', out, rs.destroyed);
      console.log(await Readable.from([1, 2, 3, 4]).reduce((a, b) => a + b, 0));
      console.log(await Readable.from([5, 6]).some((x) => x > 5), await Readable.from([5, 6]).find((x) => x > 5));
    })();
  });
  r.destroy(new Error('destroyed with reason'));
});
