// The option keys of Node's EventTarget that the ported stream operators pass; the
// library's EventTarget (internal/abort.js) ignores both.
'use strict';

module.exports = {
  kWeakHandler: Symbol('kWeak'),
  kResistStopPropagation: Symbol('kResistStopPropagation'),
};
