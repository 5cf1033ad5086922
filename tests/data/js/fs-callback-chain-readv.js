const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-'));
const f = path.join(dir, 'log.txt');
fs.writeFile(f, 'start\n', (err) => {
  console.log('written', err);
  fs.appendFile(f, 'more\n', () => {
    fs.stat(f, (err, st) => {
      console.log('size', st.size);
      fs.open(f, 'r', (err, fd) => {
        const b = Buffer.alloc(64);
        fs.read(fd, b, 0, 64, 0, (err, n, buf) => {
          console.log('read', n, JSON.stringify(buf.toString('utf8', 0, n)), buf === b);
          fs.fstat(fd, (e, s) => {
            console.log('fstat', s.size);
            fs.close(fd, (e) => {
              console.log('closed', e);
              fs.readdir(dir, (e, names) => {
                console.log(names);
                fs.unlink(f, () => fs.rmdir(dir, (e) => {
                  console.log('done', e, fs.existsSync(dir));
                  fs.readFile(__filename, (e, d) => {
                    console.log('self length > 0', d.length > 0);
                    fs.exists(__filename, (ok) => {
                      console.log('exists', ok);
                      fs.access('/definitely/not/here', (e) => console.log('access', e.code, e.message));
                    });
                  });
                }));
              });
            });
          });
        });
      });
    });
  });
});
console.log('sync first');
const fd = fs.openSync(path.join(dir, 'vec.txt'), 'w+');
const n = fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cd'), Buffer.from('ef')]);
const a = Buffer.alloc(3), b = Buffer.alloc(3);
const r = fs.readvSync(fd, [a, b], 0);
console.log('vec', n, r, a.toString(), b.toString());
fs.closeSync(fd);
fs.unlinkSync(path.join(dir, 'vec.txt'));
const sfs = fs.statfsSync('/');
console.log('statfs', typeof sfs.bsize, typeof sfs.blocks, Object.keys(sfs).join(','));
