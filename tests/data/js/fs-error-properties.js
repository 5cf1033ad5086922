const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fserr-'));
function show(label, e) {
  console.log(label, e.message.replaceAll(dir, 'DIR'));
  console.log('  ', e.code, e.errno, e.syscall, e.path && e.path.replaceAll(dir, 'DIR'), e.dest && e.dest.replaceAll(dir, 'DIR'));
  console.log('  ', e instanceof Error, e.name, Object.keys(e));
}
try { fs.readFileSync(path.join(dir, 'missing.txt')); } catch (e) { show('readFileSync', e); }
fs.writeFileSync(path.join(dir, 'a.txt'), 'hello');
try { fs.mkdirSync(dir); } catch (e) { show('mkdirSync', e); }
try { fs.readFileSync(dir); } catch (e) { show('readFileSync dir', e); }
try { fs.rmdirSync(path.join(dir, 'nope')); } catch (e) { show('rmdirSync', e); }
try { fs.renameSync(path.join(dir, 'x'), path.join(dir, 'y')); } catch (e) { show('renameSync', e); }
try { fs.openSync(path.join(dir, 'a.txt'), 'wx'); } catch (e) { show('openSync wx', e); }
try { fs.readdirSync(path.join(dir, 'a.txt')); } catch (e) { show('readdirSync file', e); }
try { fs.unlinkSync(path.join(dir, 'zzz')); } catch (e) { show('unlinkSync', e); }
try { fs.copyFileSync(path.join(dir, 'q'), path.join(dir, 'r')); } catch (e) { show('copyFileSync', e); }
try { fs.linkSync(path.join(dir, 'q'), path.join(dir, 'r')); } catch (e) { show('linkSync', e); }
fs.readFile(path.join(dir, 'nope.json'), 'utf8', (err, data) => {
  show('readFile cb', err);
  console.log('data', data);
  fs.promises.stat(path.join(dir, 'gone')).catch((e) => {
    show('promises.stat', e);
    console.log(e.stack.split('\n')[0].replaceAll(dir, 'DIR'));
    fs.rmSync(dir, { recursive: true });
    console.log('exists after rm', fs.existsSync(dir));
  });
});
