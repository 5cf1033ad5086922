const zlib = require('zlib');
const { pipeline, Readable, Writable } = require('stream');
const text = 'the quick brown fox jumps over the lazy dog. '.repeat(50);
const packed = zlib.brotliCompressSync(text);
console.log('smaller', packed.length < text.length, 'round trip', zlib.brotliDecompressSync(packed).toString() === text);
const fast = zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
console.log('quality 1 decodes', zlib.brotliDecompressSync(fast).toString() === text);
try { zlib.brotliDecompressSync(Buffer.from('garbage data')); } catch (e) { console.log(e.message, e.code, e.errno); }
try { zlib.brotliDecompressSync(packed.subarray(0, 10)); } catch (e) { console.log(e.message, e.code, e.errno); }
console.log('crc32', zlib.crc32('hello'), zlib.crc32(Buffer.from(' world'), zlib.crc32('hello')), zlib.crc32('hello world'));
console.log(zlib.constants.BROTLI_MAX_QUALITY, zlib.constants.BROTLI_DEFAULT_WINDOW, zlib.constants.BROTLI_OPERATION_FINISH);
zlib.brotliCompress(text, (err, out) => {
  console.log('async compress', err, out.length > 0);
  zlib.brotliDecompress(out, (err2, back) => {
    console.log('async decompress', err2, back.length);
    const collected = [];
    pipeline(
      Readable.from([text.slice(0, 100), text.slice(100)]),
      zlib.createBrotliCompress(),
      zlib.createBrotliDecompress(),
      new Writable({ write(c, e, cb) { collected.push(c); cb(); } }),
      (err3) => console.log('stream pipeline', err3, Buffer.concat(collected).toString() === text)
    );
  });
});
