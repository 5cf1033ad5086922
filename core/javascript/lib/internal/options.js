// Node's command-line options as its library asks for them
// (getOptionValue('--pending-deprecation')). The engine runs a program with
// none, so every option has Node's default.
'use strict';

const defaults = {
  __proto__: null,
  '--pending-deprecation': false,
  '--no-deprecation': false,
  '--trace-deprecation': false,
  '--throw-deprecation': false,
  '--zero-fill-buffers': false,
};

function getOptionValue(name) {
  return defaults[name];
}

module.exports = { getOptionValue };
