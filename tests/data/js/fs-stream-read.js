// fs.createReadStream: 'open' and 'ready' before the first chunk, 64 KiB chunks by
// default (one read each), a smaller highWaterMark, start/end ranges, setEncoding, the
// error of a missing file, and close() in the middle of the file.
const fs = require('fs');
const path = require('path');

const big = path.join(__dirname, 'files', 'big.txt');

function readAll(options, label) {
  return new Promise((resolve) => {
    const stream = fs.createReadStream(big, options);
    const sizes = [];
    stream.on('open', (fd) => console.log(`${label}: open (fd is a number: ${typeof fd === 'number'})`));
    stream.on('ready', () => console.log(`${label}: ready, pending ${stream.pending}`));
    stream.on('data', (chunk) => sizes.push(chunk.length));
    stream.on('end', () => console.log(`${label}: end after ${sizes.length} chunks, bytesRead ${stream.bytesRead}`));
    stream.on('close', () => {
      const counts = new Map();
      for (const size of sizes)
        counts.set(size, (counts.get(size) || 0) + 1);
      console.log(`${label}: close; sizes`, [...counts].map(([size, count]) => `${count}x${size}`).join(' '));
      resolve();
    });
  });
}

async function main() {
  const stream = fs.createReadStream(big);
  console.log('pending before open', stream.pending, 'path', path.basename(stream.path),
              'highWaterMark', stream.readableHighWaterMark);
  stream.destroy();
  await new Promise((resolve) => stream.on('close', resolve));

  await readAll(undefined, 'default');
  await readAll({ highWaterMark: 100000 }, 'hwm 100000');
  await readAll({ start: 10, end: 70009, highWaterMark: 20000 }, 'range');

  const text = await new Promise((resolve) => {
    let out = '';
    fs.createReadStream(path.join(__dirname, 'files', 'lines.txt'), { encoding: 'utf8', start: 5 })
      .on('data', (chunk) => { out += chunk; })
      .on('end', () => resolve(out));
  });
  console.log('lines from 5:', JSON.stringify(text));

  await new Promise((resolve) => {
    fs.createReadStream(path.join(__dirname, 'files', 'no-such-file.txt'))
      .on('error', (error) => console.log('missing:', error.code, error.syscall, error.message.replace(__dirname, '<dir>')))
      .on('close', () => { console.log('missing: close'); resolve(); });
  });

  await new Promise((resolve) => {
    const partial = fs.createReadStream(big, { highWaterMark: 1000 });
    let chunks = 0;
    partial.on('data', () => {
      chunks += 1;
      if (chunks === 3)
        partial.close((error) => {
          console.log('closed early after', chunks, 'chunks; error', error && error.code, 'bytesRead', partial.bytesRead);
          resolve();
        });
    });
  });

  try {
    fs.createReadStream(big, { start: 5, end: 2 });
  } catch (error) {
    console.log(error.code, error.message);
  }
}

main();
