// The library has no Blob: Duplex.from() asks whether its argument is one.
'use strict';

module.exports = {
  isBlob: () => false,
};
