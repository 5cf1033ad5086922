// NODE_DEBUG logging (lib/internal/util/debuglog.js): the library logs nothing, so each
// section's logger is a function that does nothing (Node hands the callback the real
// logger on first use, which never comes here).
'use strict';

function debuglog(set, callback) {
  const logger = () => {};
  logger.enabled = false;
  return logger;
}

module.exports = { debuglog };
