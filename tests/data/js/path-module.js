const path = require('path');
console.log(path.join('/a/b', '../c', './d.txt'), path.basename('/x/y/z.tar.gz', '.gz'), path.extname('file.test.js'));
console.log(path.dirname('/a/b/c'), path.normalize('/a//b/../c/.'), path.isAbsolute('a/b'), path.relative('/a/b/c', '/a/d'));
console.log(path.parse('/home/u/file.txt'), path.format({ dir: '/x', base: 'y.z' }), path.sep, path.delimiter);
console.log(path.resolve('/root', 'sub', '..', 'file'));
