// fs.promises.open and its FileHandle, the modern way to work with an open file: write,
// read into a buffer, readFile, stat, truncate, readLines, close (and its 'close' event),
// and what a closed handle says.
const fs = require('fs');
const os = require('os');
const path = require('path');

async function main() {
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'filehandle-'));
  const file = path.join(folder, 'notes.txt');
  const handle = await fs.promises.open(file, 'w+');
  console.log('fd is a number:', typeof handle.fd === 'number');
  handle.on('close', () => console.log('close event'));

  const written = await handle.write('first line\nsecond line\n');
  console.log('bytesWritten', written.bytesWritten);
  const { bytesWritten } = await handle.write(Buffer.from('third line\n'), 0, 11);
  console.log('bytesWritten', bytesWritten);

  const { bytesRead, buffer } = await handle.read(Buffer.alloc(5), 0, 5, 0);
  console.log('read', bytesRead, JSON.stringify(buffer.toString()));
  const whole = await handle.read({ buffer: Buffer.alloc(64), position: 6 });
  console.log('read from 6:', JSON.stringify(whole.buffer.toString('utf8', 0, whole.bytesRead)));

  const stats = await handle.stat();
  console.log('size', stats.size, 'isFile', stats.isFile());
  await handle.truncate(11);
  console.log('after truncate:', (await handle.stat()).size);
  await handle.sync();
  await handle.close();
  await handle.close();  // a second close does nothing

  try {
    await handle.read(Buffer.alloc(1), 0, 1, 0);
  } catch (error) {
    console.log('closed handle:', error.code, error.message);
  }

  await fs.promises.writeFile(file, 'alpha\nbeta\ngamma\n');
  const reader = await fs.promises.open(file);
  console.log('readFile:', JSON.stringify(await reader.readFile('utf8')));
  await reader.close();

  const lines = await fs.promises.open(file);
  for await (const line of lines.readLines())
    console.log('line:', line);

  const missing = await fs.promises.open(path.join(folder, 'missing.txt')).catch((error) => error);
  console.log(missing.code, missing.syscall);
  await fs.promises.rm(folder, { recursive: true });
  console.log('done');
}

main();
