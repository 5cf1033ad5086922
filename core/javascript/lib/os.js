// Node's os module, from libuv's answers (natives.osInfo).
'use strict';

const natives = require('internal:binding');

function info() {
  return natives.osInfo();
}

function cpus() {
  return info().cpus.map(([model, speed]) => ({
    model, speed, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 },
  }));
}

module.exports = {
  EOL: '\n',
  devNull: '/dev/null',
  arch: () => 'x64',
  platform: () => 'linux',
  type: () => 'Linux',
  endianness: () => 'LE',
  hostname: () => info().hostname,
  release: () => info().release,
  version: () => info().version,
  machine: () => info().machine,
  homedir: () => info().homedir,
  tmpdir: () => info().tmpdir,
  cpus,
  availableParallelism: () => info().availableParallelism,
  totalmem: () => info().totalmem,
  freemem: () => info().freemem,
  uptime: () => Math.floor(info().uptime),
  loadavg: () => info().loadavg,
  userInfo: () => ({ uid: 0, gid: 0, username: natives.env.USER || 'root', homedir: info().homedir, shell: natives.env.SHELL || null }),
  networkInterfaces: () => ({ lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }] }),
  constants: { signals: { SIGINT: 2, SIGTERM: 15, SIGKILL: 9, SIGHUP: 1 } },
};
