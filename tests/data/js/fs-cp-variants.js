const fs = require('fs');
const path = require('path');
const os = require('os');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cpv-'));
const rel = (p) => p.replaceAll(root, 'ROOT');
const src = path.join(root, 'src');
fs.mkdirSync(path.join(src, 'nested/deep'), { recursive: true });
fs.writeFileSync(path.join(src, 'a.txt'), 'A');
fs.writeFileSync(path.join(src, 'skip.log'), 'L');
fs.writeFileSync(path.join(src, 'nested/deep/b.txt'), 'B');
fs.symlinkSync('a.txt', path.join(src, 'link-to-a'));
const show = (label, e) => console.log(label, e.code, rel(e.message));
try { fs.cpSync(src, path.join(root, 'dst')); } catch (e) { show('no recursive:', e); }
fs.cpSync(src, path.join(root, 'dst'), { recursive: true, filter: (s) => !s.endsWith('.log') });
console.log(fs.readdirSync(path.join(root, 'dst'), { recursive: true }).sort());
console.log(rel(fs.readlinkSync(path.join(root, 'dst/link-to-a'))), fs.lstatSync(path.join(root, 'dst/link-to-a')).isSymbolicLink());
fs.writeFileSync(path.join(root, 'dst/a.txt'), 'changed');
fs.cpSync(path.join(src, 'a.txt'), path.join(root, 'dst/a.txt'), { force: false });
console.log('force false keeps', fs.readFileSync(path.join(root, 'dst/a.txt'), 'utf8'));
try { fs.cpSync(path.join(src, 'a.txt'), path.join(root, 'dst/a.txt'), { force: false, errorOnExist: true }); } catch (e) { show('errorOnExist:', e); }
fs.cpSync(path.join(src, 'a.txt'), path.join(root, 'dst/a.txt'));
console.log('force true overwrites', fs.readFileSync(path.join(root, 'dst/a.txt'), 'utf8'));
try { fs.cpSync(src, path.join(src, 'nested/inside'), { recursive: true }); } catch (e) { show('into itself:', e); }
try { fs.cpSync(src, path.join(root, 'dst/a.txt'), { recursive: true }); } catch (e) { show('dir onto file:', e); }
try { fs.cpSync(path.join(src, 'a.txt'), path.join(root, 'dst/nested')); } catch (e) { show('file onto dir:', e); }
try { fs.cpSync(path.join(src, 'a.txt'), path.join(src, 'a.txt')); } catch (e) { show('same:', e); }
try { fs.cpSync(path.join(root, 'missing'), path.join(root, 'x')); } catch (e) { show('missing:', e); }
fs.cp(src, path.join(root, 'async'), { recursive: true }, (err) => {
  console.log('async cp', err, fs.readdirSync(path.join(root, 'async')).sort());
  fs.promises.cp(path.join(src, 'a.txt'), path.join(root, 'async/nested')).catch((e) => {
    show('promise file onto dir:', e);
    const st = fs.statfsSync(root);
    console.log('statfs', st.constructor.name, Object.keys(st).join(','), st.bsize > 0);
    fs.rmSync(root, { recursive: true });
  });
});
