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
  constants: {
    signals: {
      SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9,
      SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGSTKFLT: 16,
      SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25,
      SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
    },
  },
};
