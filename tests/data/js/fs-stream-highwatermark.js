const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hwm-'));
const file = path.join(dir, 'data.bin');
fs.writeFileSync(file, Buffer.alloc(100, 'abcdefghij'));
const sizes = [];
const rs = fs.createReadStream(file, { highWaterMark: 16 });
rs.on('open', (fd) => console.log('open', typeof fd));
rs.on('ready', () => console.log('ready'));
rs.on('data', (chunk) => sizes.push(chunk.length));
rs.on('end', () => console.log('end', sizes.join(','), rs.bytesRead));
rs.on('close', () => {
  console.log('close');
  const part = fs.createReadStream(file, { start: 10, end: 29, encoding: 'utf8', highWaterMark: 8 });
  const parts = [];
  part.on('data', (s) => parts.push(s));
  part.on('end', () => {
    console.log('range', parts);
    const out = path.join(dir, 'out.txt');
    const ws = fs.createWriteStream(out, { highWaterMark: 4 });
    console.log('hwm', ws.writableHighWaterMark, ws.writableLength);
    console.log('write1', ws.write('abc'));
    console.log('write2', ws.write('defg'));
    console.log('len', ws.writableLength, ws.writableNeedDrain);
    ws.once('drain', () => {
      console.log('drain');
      ws.end('!\n', () => {
        console.log('finished; bytesWritten', ws.bytesWritten);
        console.log(JSON.stringify(fs.readFileSync(out, 'utf8')));
        fs.rmSync(dir, { recursive: true, force: true });
      });
    });
    ws.on('finish', () => console.log('finish event'));
    ws.on('close', () => console.log('ws close'));
  });
});
