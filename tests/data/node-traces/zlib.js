// zlib's asynchronous calls are pool jobs too: gzip, then gunzip of what it made.
const zlib = require('zlib');

zlib.gzip(Buffer.alloc(4096, 'loop'), (error, zipped) => {
    zlib.gunzip(zipped, (error, plain) => console.log('round trip', plain.length));
});
