// The errors crypto's ciphers and keys throw, as Node words them; OpenSSL's own keep their
// "error:1C800064:Provider routines::bad decrypt" text with `library` and `reason`.
'use strict';

function nodeError(Base, code, message) {
  const error = new Base(message);
  if (code)
    error.code = code;
  return error;
}

function opensslError(raw) {
  const error = nodeError(Error, raw.code || undefined, raw.message);
  const parts = /^error:[0-9A-F]+:([^:]*):[^:]*:(.*)$/.exec(raw.message);
  if (parts) {
    error.library = parts[1];
    error.reason = parts[2];
  }
  return error;
}

module.exports = { nodeError, opensslError };
