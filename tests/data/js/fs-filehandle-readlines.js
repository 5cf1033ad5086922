const fsp = require('fs/promises');
const path = require('path');
const os = require('os');
async function main() {
  const file = path.join(os.tmpdir(), `fh-${process.pid}.txt`);
  await fsp.writeFile(file, 'alpha\nbeta\ngamma\n');
  const fh = await fsp.open(file, 'r');
  for await (const line of fh.readLines()) console.log('line:', line);
  const fh2 = await fsp.open(file);
  const chunks = [];
  for await (const chunk of fh2.createReadStream({ encoding: 'utf8', highWaterMark: 4 })) chunks.push(chunk);
  console.log(chunks.length, chunks.join('') === 'alpha\nbeta\ngamma\n');
  const fh3 = await fsp.open(file, 'a');
  await fh3.appendFile('delta\n');
  await fh3.writeFile('epsilon\n');
  await fh3.close();
  console.log(JSON.stringify(await fsp.readFile(file, 'utf8')));
  const fh4 = await fsp.open(file, 'r+');
  const { bytesWritten } = await fh4.write(Buffer.from('ALPHA'), 0, 5, 0);
  console.log('wrote', bytesWritten, (await fh4.read({ buffer: Buffer.alloc(5), position: 0 })).buffer.toString());
  console.log('fd is number', typeof fh4.fd);
  await fh4.close();
  try { await fh4.stat(); } catch (e) { console.log(e.code, e.message); }
  await fsp.unlink(file);
}
main();
