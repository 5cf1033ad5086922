// require('path/posix'): path's POSIX functions, which are path itself here as on Linux.
'use strict';

module.exports = require('path').posix;
