const fs = require('fs'); const path = require('path'); const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'more-'));
console.log(path.basename(dir).startsWith('more-'), path.basename(dir).length);
const a = path.join(dir, 'a.txt'), b = path.join(dir, 'b.txt');
fs.writeFileSync(a, 'abcdef');
fs.copyFileSync(a, b); console.log(fs.readFileSync(b, 'utf8'));
try { fs.copyFileSync(a, b, fs.constants.COPYFILE_EXCL); } catch (e) { console.log(e.message.replaceAll(dir, 'D'), e.code, e.syscall); }
fs.truncateSync(b, 3); console.log(fs.readFileSync(b, 'utf8'));
fs.symlinkSync(a, path.join(dir, 'link')); console.log(fs.readlinkSync(path.join(dir, 'link')) === a, fs.lstatSync(path.join(dir, 'link')).isSymbolicLink(), fs.realpathSync(path.join(dir, 'link')) === fs.realpathSync(a));
fs.chmodSync(a, 0o600); console.log((fs.statSync(a).mode & 0o777).toString(8));
fs.chmodSync(a, '644'); console.log((fs.statSync(a).mode & 0o777).toString(8));
fs.utimesSync(a, 1000, new Date(2000000)); console.log(fs.statSync(a).mtimeMs, fs.statSync(a).atime.toISOString());
try { fs.rmSync(dir); } catch (e) { console.log(e.name, e.code, e.message.replaceAll(dir, 'D')); }
try { fs.rmSync(path.join(dir, 'none')); } catch (e) { console.log(e.code, e.syscall, e.message.replaceAll(dir, 'D')); }
fs.rmSync(path.join(dir, 'none'), { force: true }); console.log('force ok');
fs.mkdirSync(path.join(dir, 's/t/u'), { recursive: true }); fs.writeFileSync(path.join(dir, 's/t/u/f'), 'x');
fs.copyFile(a, path.join(dir, 'c.txt'), (err) => {
  console.log('copied', err);
  fs.truncate(path.join(dir, 'c.txt'), 2, (err) => {
    console.log('truncated', err, fs.readFileSync(path.join(dir, 'c.txt'), 'utf8'));
    fs.rm(path.join(dir, 's'), (err) => {
      console.log('rm dir', err && err.code);
      fs.rm(path.join(dir, 's'), { recursive: true }, (err) => {
        console.log('rm recursive', err, fs.existsSync(path.join(dir, 's')));
        fs.promises.mkdtemp(path.join(dir, 'p-')).then(async (p) => {
          console.log('promises mkdtemp', path.dirname(p) === dir);
          await fs.promises.copyFile(a, path.join(p, 'x'));
          console.log(await fs.promises.readFile(path.join(p, 'x'), 'utf8'), (await fs.promises.realpath(p)) === p);
          await fs.promises.rm(dir, { recursive: true, force: true });
          console.log('gone', fs.existsSync(dir));
        });
      });
    });
  });
});
const util = require('util');
console.log(typeof util.TextEncoder, new util.TextEncoder().encode('hé').length, require('util/types').isPromise(Promise.resolve()), typeof require('dns/promises').lookup, typeof require('timers').promises.setTimeout);
console.log(process.stdout.isTTY, process.stdout.columns);
const d2 = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-')); fs.mkdirSync(path.join(d2, 'x/y'), { recursive: true }); fs.writeFileSync(path.join(d2, 'x/y/z'), '1'); fs.writeFileSync(path.join(d2, 'top'), '1');
fs.rmSync(d2, { recursive: true }); console.log('sync tree gone', fs.existsSync(d2));
