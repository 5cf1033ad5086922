const fsp = require('fs/promises');
const fs = require('fs');
const path = require('path');
const os = require('os');
async function main() {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'notes-'));
  await fsp.mkdir(path.join(dir, 'a/b/c'), { recursive: true });
  const made = await fsp.mkdir(path.join(dir, 'x/y'), { recursive: true });
  console.log('mkdir returns', made.replaceAll(dir, 'DIR'));
  console.log('mkdir existing', await fsp.mkdir(path.join(dir, 'x/y'), { recursive: true }));
  await fsp.writeFile(path.join(dir, 'a/one.txt'), 'one\n');
  await fsp.appendFile(path.join(dir, 'a/one.txt'), 'two\n');
  await fsp.writeFile(path.join(dir, 'a/b/data.json'), JSON.stringify({ n: 1 }));
  console.log(await fsp.readFile(path.join(dir, 'a/one.txt'), 'utf8'));
  const entries = await fsp.readdir(path.join(dir, 'a'), { withFileTypes: true });
  console.log(entries.map((e) => `${e.name}:${e.isDirectory() ? 'd' : 'f'}`).sort());
  const all = await fsp.readdir(dir, { recursive: true });
  console.log(all.sort());
  const st = await fsp.stat(path.join(dir, 'a/one.txt'));
  console.log(st.size, st.isFile(), st.isDirectory(), st.mtime instanceof Date, typeof st.mtimeMs);
  await fsp.copyFile(path.join(dir, 'a/one.txt'), path.join(dir, 'copy.txt'));
  await fsp.rename(path.join(dir, 'copy.txt'), path.join(dir, 'moved.txt'));
  console.log(fs.existsSync(path.join(dir, 'copy.txt')), fs.existsSync(path.join(dir, 'moved.txt')));
  await fsp.cp(path.join(dir, 'a'), path.join(dir, 'a2'), { recursive: true });
  console.log((await fsp.readdir(path.join(dir, 'a2'), { recursive: true })).sort());
  try { await fsp.access(path.join(dir, 'zzz')); } catch (e) { console.log(e.code, e.message.replaceAll(dir, 'DIR')); }
  await fsp.access(path.join(dir, 'moved.txt'), fs.constants.R_OK);
  await fsp.symlink(path.join(dir, 'moved.txt'), path.join(dir, 'link'));
  console.log((await fsp.readlink(path.join(dir, 'link'))).replaceAll(dir, 'DIR'), (await fsp.lstat(path.join(dir, 'link'))).isSymbolicLink());
  await fsp.truncate(path.join(dir, 'moved.txt'), 3);
  console.log(JSON.stringify(await fsp.readFile(path.join(dir, 'moved.txt'), 'utf8')));
  const fh = await fsp.open(path.join(dir, 'fh.txt'), 'w+');
  await fh.write('hello world');
  const buf = Buffer.alloc(5);
  const { bytesRead } = await fh.read(buf, 0, 5, 6);
  console.log(bytesRead, buf.toString());
  console.log((await fh.stat()).size);
  await fh.close();
  try { await fsp.rm(path.join(dir, 'a')); } catch (e) { console.log(e.code, e.message.replaceAll(dir, 'DIR')); }
  try { await fsp.rmdir(path.join(dir, 'a')); } catch (e) { console.log(e.code, e.message.replaceAll(dir, 'DIR')); }
  await fsp.rm(dir, { recursive: true, force: true });
  console.log('cleaned', fs.existsSync(dir));
}
main().catch((e) => { console.error('FAILED', e); process.exitCode = 1; });
