// setEncoding() and StringDecoder: characters whose bytes are split across chunks come
// out whole, in utf8, utf16le, base64 and hex.
const { Readable } = require('stream');
const { StringDecoder } = require('string_decoder');

const bytes = Buffer.from('héllo wörld ✓ 😀!', 'utf8');
const pieces = [];
for (let at = 0; at < bytes.length; at += 3)
  pieces.push(bytes.subarray(at, at + 3));

const source = Readable.from(pieces, { objectMode: false });
source.setEncoding('utf8');
const strings = [];
source.on('data', (chunk) => strings.push(chunk));
source.on('end', () => {
  console.log('chunks', strings.length, 'all strings', strings.every((s) => typeof s === 'string'));
  console.log('joined', strings.join(''));
  console.log('encoding', source.readableEncoding);
  direct();
});

function direct() {
  for (const encoding of ['utf8', 'utf16le', 'base64', 'hex', 'latin1']) {
    const encoded = Buffer.from('a€😀z', encoding === 'latin1' ? 'utf8' : encoding === 'utf8' ? 'utf8' : 'utf16le');
    const decoder = new StringDecoder(encoding);
    let out = '';
    for (const byte of encoded)
      out += decoder.write(Buffer.from([byte]));
    out += decoder.end();
    console.log(encoding.padEnd(8), JSON.stringify(out));
  }
  const partial = new StringDecoder('utf8');
  console.log('partial write', JSON.stringify(partial.write(Buffer.from([0xe2, 0x82]))));
  console.log('end of partial', JSON.stringify(partial.end()));
  console.log('reused', JSON.stringify(partial.write(Buffer.from('ok'))));
  try {
    new StringDecoder('klingon');
  } catch (error) {
    console.log(error.code, error.message);
  }
  try {
    new StringDecoder().write(42);
  } catch (error) {
    console.log(error.code, error.message);
  }
}
