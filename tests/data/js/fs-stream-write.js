// fs.createWriteStream: writes queued while the file opens, chunks written one after
// another (the ones waiting meanwhile handed to writev together), 'finish' then 'close',
// bytesWritten, a file copied by pipe() and by pipeline(), the flags option, and the
// error of a file in a missing folder.
const fs = require('fs');
const path = require('path');
const { pipeline } = require('stream');

const base = path.join('/tmp', `loopscope-corpus-stream-${process.pid}`);
const big = path.join(__dirname, 'files', 'big.txt');

function writeSome() {
  return new Promise((resolve) => {
    const out = fs.createWriteStream(`${base}.a`);
    const batches = [];
    const writev = out._writev;
    out._writev = function (chunks, callback) {
      batches.push(chunks.length);
      return writev.call(this, chunks, callback);
    };
    out.on('open', () => console.log('open; pending', out.pending, 'writableLength', out.writableLength));
    out.on('ready', () => console.log('ready'));
    for (let i = 0; i < 5; i++)
      console.log(`write ${i} ->`, out.write(`line ${i}\n`));
    out.end('the end\n', () => console.log('end callback'));
    out.on('finish', () => console.log('finish; bytesWritten', out.bytesWritten));
    out.on('close', () => {
      console.log('close; writev batches', batches.join(','));
      console.log(JSON.stringify(fs.readFileSync(`${base}.a`, 'utf8')));
      resolve();
    });
  });
}

function copyByPipe() {
  return new Promise((resolve) => {
    const out = fs.createWriteStream(`${base}.b`);
    let drains = 0;
    out.on('drain', () => { drains += 1; });
    fs.createReadStream(big).pipe(out);
    out.on('close', () => {
      const copy = fs.readFileSync(`${base}.b`);
      console.log('pipe copy: bytes', copy.length, 'same', copy.equals(fs.readFileSync(big)), 'drains > 0', drains > 0);
      resolve();
    });
  });
}

function copyByPipeline() {
  return new Promise((resolve) => {
    pipeline(fs.createReadStream(big, { start: 1000, end: 1999 }), fs.createWriteStream(`${base}.b`, { flags: 'a' }), (error) => {
      console.log('pipeline appended:', error, fs.statSync(`${base}.b`).size);
      resolve();
    });
  });
}

function missingFolder() {
  return new Promise((resolve) => {
    const out = fs.createWriteStream(path.join(`${base}-missing`, 'file.txt'));
    out.write('lost', (error) => console.log('write callback:', error && error.code));
    out.on('error', (error) => console.log('error:', error.code, error.syscall));
    out.on('close', () => { console.log('close after error; destroyed', out.destroyed); resolve(); });
  });
}

(async () => {
  await writeSome();
  await copyByPipe();
  await copyByPipeline();
  await missingFolder();
  fs.unlinkSync(`${base}.a`);
  fs.unlinkSync(`${base}.b`);
  console.log('cleaned up', fs.existsSync(`${base}.a`), fs.existsSync(`${base}.b`));
})();
