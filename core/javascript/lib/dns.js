// Node's dns.lookup for what a loopback-only tool can answer: an IP literal is answered
// through process.nextTick, as Node does; localhost is a getaddrinfo job on the pool,
// as Node's is; any other name is refused.
'use strict';

const natives = require('internal:binding');

const net4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

function family(address) {
  if (net4.test(address))
    return 4;
  if (address.includes(':') && /^[0-9a-fA-F:.]+$/.test(address))
    return 6;
  return 0;
}

function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  if (typeof options === 'number')
    options = { family: options };
  const all = Boolean(options && options.all);
  const wanted = (options && options.family) || 0;
  const literal = family(hostname);
  const answer = (answers) => {
    if (wanted)
      answers = answers.filter((each) => each.family === wanted);
    if (all)
      callback(null, answers);
    else if (answers.length === 0)
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname }));
    else
      callback(null, answers[0].address, answers[0].family);
  };
  if (literal !== 0) {
    process.nextTick(answer, [{ address: hostname, family: literal }]);
    return {};
  }
  if (hostname === 'localhost') {
    natives.operation('getaddrinfo', ['localhost'], 'dns.lookup localhost', (error, answers) => {
      if (error)
        return callback(Object.assign(error, { hostname }));
      answer(answers);
    });
    return {};
  }
  const error = new Error(`getaddrinfo ENOTFOUND ${hostname} (loopscope resolves localhost and IP addresses only: ` +
    'its programs talk to 127.0.0.1)');
  error.code = 'ENOTFOUND';
  error.syscall = 'getaddrinfo';
  error.hostname = hostname;
  process.nextTick(callback, error);
  return {};
}

module.exports = {
  lookup,
  promises: {
    lookup: (hostname, options) => new Promise((resolve, reject) => {
      lookup(hostname, options || {}, (error, address, addressFamily) => {
        if (error)
          reject(error);
        else
          resolve(Array.isArray(address) ? address : { address, family: addressFamily });
      });
    }),
  },
};
