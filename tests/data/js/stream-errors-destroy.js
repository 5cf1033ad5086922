// How streams fail: destroy(error) emitting 'error' then 'close' a tick later, write
// after end, push after EOF, null writes, finished() on a premature close, and
// addAbortSignal destroying a stream with an AbortError.
const { Readable, Writable, Duplex, finished, addAbortSignal } = require('stream');

const steps = [];
const next = () => { const step = steps.shift(); if (step) step(); };

steps.push(() => {
  const r = new Readable({ read() {} });
  r.on('error', (error) => console.log('1 error:', error.message, '| destroyed', r.destroyed));
  r.on('close', () => { console.log('1 close; errored', r.errored && r.errored.message); next(); });
  r.destroy(new Error('broken source'));
  console.log('1 destroyed synchronously', r.destroyed);
  process.nextTick(() => console.log('1 tick'));
});

steps.push(() => {
  const w = new Writable({ write(chunk, encoding, callback) { callback(); } });
  w.on('error', (error) => console.log('2 error:', error.code, error.message));
  w.on('close', () => { console.log('2 close'); next(); });
  w.end('last');
  w.write('late', (error) => console.log('2 write callback:', error && error.code));
});

steps.push(() => {
  const r = new Readable({ read() {} });
  r.on('error', (error) => { console.log('3 error:', error.code, error.message); });
  r.on('close', () => { console.log('3 close'); next(); });
  r.push('x');
  r.push(null);
  r.push('y');
});

steps.push(() => {
  const w = new Writable({ write(chunk, encoding, callback) { callback(); } });
  try {
    w.write(null);
  } catch (error) {
    console.log('4 thrown:', error.name, error.code, error.message);
  }
  next();
});

steps.push(() => {
  const d = new Duplex({ read() {}, write(chunk, encoding, callback) { callback(); } });
  finished(d, (error) => {
    console.log('5 finished:', error && error.code, error && error.message);
    next();
  });
  d.destroy();
});

steps.push(() => {
  const controller = new AbortController();
  const r = addAbortSignal(controller.signal, new Readable({ read() {} }));
  r.on('error', (error) => console.log('6 error:', error.name, error.code, error.message));
  r.on('close', () => { console.log('6 close'); next(); });
  controller.abort();
});

steps.push(() => {
  const w = new Writable({
    write(chunk, encoding, callback) { callback(new Error(`cannot store ${chunk}`)); },
  });
  w.on('error', (error) => console.log('7 error:', error.message, 'writableErrored', !!w.errored));
  w.on('close', () => { console.log('7 close'); next(); });
  console.log('7 write returns', w.write('abc', (error) => console.log('7 write callback:', error.message)));
});

steps.push(() => {
  const r = new Readable({
    construct(callback) {
      console.log('8 construct');
      setImmediate(() => callback(new Error('could not open')));
    },
    read() {},
  });
  r.on('error', (error) => console.log('8 error:', error.message));
  r.on('close', () => { console.log('8 close'); next(); });
});

steps.push(() => console.log('all done'));
next();
