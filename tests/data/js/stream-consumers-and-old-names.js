// stream/consumers reads a stream or an async iterable whole; path/posix and the old
// _stream_ names are the modules they stand for.
const { text, json, buffer, arrayBuffer, blob } = require('node:stream/consumers');
const { Readable } = require('stream');
const posix = require('path/posix');
console.log(posix === require('path').posix, posix.join('a', 'b'), require('node:path/posix').sep);
console.log(require('_stream_readable') === Readable, typeof require('_stream_transform'), require('_stream_passthrough') === require('stream').PassThrough);
(async () => {
  console.log(await text(Readable.from(['a', 'b', Buffer.from('ü')])));
  console.log(await json(Readable.from(['{"x":', '[1,2]}'])));
  console.log(await buffer(Readable.from([Buffer.from('hi'), Buffer.from('!')])));
  console.log((await arrayBuffer(Readable.from([Buffer.from('abc')]))).byteLength);
  const b = await blob(Readable.from(['xyz'])); console.log(b.size, b.type, await b.text());
  async function* gen() { yield 'from '; yield 'generator'; }
  console.log(await text(gen()));
})();
