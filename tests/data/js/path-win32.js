// path.win32 on a POSIX host: Windows paths (drives, UNC shares, device namespaces, reserved
// names), and the links between the two flavours.
const path = require('path');
const { win32 } = path;

const samples = ['', '.', 'C:', 'C:\\', 'c:foo\\..\\bar', 'C:\\Users\\me\\notes.final.txt', 'C:/mixed/seps\\file',
  '\\\\server\\share', '\\\\server\\share\\dir\\a.tar.gz', '//host/pub/', '\\\\?\\C:\\very\\long',
  '\\\\.\\pipe\\name', 'relative\\dir\\', '..\\..\\up', 'CON:stream', 'COM1:', 'file:stream.txt', '.profile', 'x.'];
for (const sample of samples) {
  console.log(JSON.stringify(sample), win32.normalize(sample), win32.isAbsolute(sample), win32.dirname(sample),
              win32.basename(sample), win32.extname(sample),
              win32.isAbsolute(sample) ? win32.toNamespacedPath(sample) : '(relative)');
  console.log('  parse', win32.parse(sample));
}
console.log(win32.basename('C:\\dir\\report.PDF', '.PDF'), win32.basename('C:\\dir\\report.pdf', 'report.pdf'));
console.log(win32.join('C:\\a', 'b', '..\\c', '.\\d.txt'), win32.join('//server', 'share'), win32.join(''), win32.join('a/', '/b'));
console.log(win32.resolve('D:\\x', 'y', '..\\z'), win32.resolve('D:\\root', 'D:b'), win32.resolve('\\\\srv\\sh\\p', '..\\q'));
console.log(win32.relative('C:\\orandea\\test\\aaa', 'C:\\orandea\\impl\\bbb'), win32.relative('C:\\a', 'D:\\a'),
            win32.relative('C:\\A\\b', 'c:\\a\\B\\c'));
console.log(win32.format({ root: 'C:\\', dir: 'C:\\path\\dir', base: 'file.txt' }), win32.format({ name: 'x', ext: 'js' }));
// A relative path resolves against the process's directory, read as a Windows path.
const cwdAsWindows = process.cwd().replace(/\//g, '\\');
console.log(win32.resolve('rel\\p') === `${cwdAsWindows}\\rel\\p`, win32.resolve() === cwdAsWindows);
console.log(win32.sep, win32.delimiter, path.win32 === win32, win32.win32 === win32, win32.posix === path.posix,
            path.posix.win32 === win32, win32._makeLong === win32.toNamespacedPath);
try {
  win32.join('a', 1);
} catch (error) {
  console.log(error.code, error.message);
}
