// fs.cp, fs.cpSync and fs.promises.cp as Node 20's lib/internal/fs/cp: the paths checked
// first (the same file, a folder into itself, a folder over a file and the reverse), then
// files copied, folders made and walked, symbolic links made again; `filter`, `force`,
// `errorOnExist` and `recursive` as documented. One copier, written once as a generator of
// requests, is driven synchronously for cpSync and one request at a time for cp.
'use strict';

const natives = require('internal:binding');
const pathModule = require('path');

const S_IFMT = 0o170000, S_IFDIR = 0o40000, S_IFLNK = 0o120000;
const EINVAL = 22, EEXIST = 17, EISDIR = 21, ENOTDIR = 20;
const isFolder = (stats) => (stats.mode & S_IFMT) === S_IFDIR;
const isLink = (stats) => (stats.mode & S_IFMT) === S_IFLNK;

// Node's SystemError: "<what>: cp returned <code> (<message>) <path>".
function cpError(code, what, errno, uvCode, message, path) {
  const error = new Error(`${what}: cp returned ${uvCode} (${message}) ${path}`);
  error.name = 'SystemError';
  const info = { message, path, syscall: 'cp', errno, code: uvCode };
  Object.assign(error, { code, info, errno, syscall: 'cp', path });
  return error;
}

function request(name, ...args) {
  return { name, args };
}

function* statOrNothing(path, dereference) {
  try {
    return yield request(dereference ? 'stat' : 'lstat', path);
  } catch (error) {
    if (error.code === 'ENOENT')
      return undefined;
    throw error;
  }
}

const isInside = (parent, child) => {
  const relative = pathModule.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !pathModule.isAbsolute(relative);
};

function* checkPaths(src, dest, options) {
  const srcStats = yield request(options.dereference ? 'stat' : 'lstat', src);
  const destStats = yield* statOrNothing(dest, options.dereference);
  if (destStats) {
    if (srcStats.ino === destStats.ino && srcStats.dev === destStats.dev)
      throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', EINVAL, 'EINVAL', 'src and dest cannot be the same',
        dest);
    if (isFolder(srcStats) && !isFolder(destStats)) {
      throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory', EISDIR, 'EISDIR',
        `cannot overwrite non-directory ${dest} with directory ${src}`, dest);
    }
    if (!isFolder(srcStats) && isFolder(destStats)) {
      throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory', ENOTDIR, 'ENOTDIR',
        `cannot overwrite directory ${dest} with non-directory ${src}`, dest);
    }
  }
  if (isFolder(srcStats) && isInside(pathModule.resolve(src), pathModule.resolve(dest))) {
    throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', EINVAL, 'EINVAL',
      `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
  }
  return { srcStats, destStats };
}

function* copyFile(src, dest, destStats, options) {
  if (destStats) {
    if (options.force)
      yield request('unlink', dest);
    else if (options.errorOnExist)
      throw cpError('ERR_FS_CP_EEXIST', 'Target already exists', EEXIST, 'EEXIST', `${dest} already exists`, dest);
    else
      return;
  }
  yield request('copyfile', src, dest, 0);
}

function* copyEntry(src, dest, options, top) {
  if (options.filter && !(yield { filter: options.filter, args: [src, dest] }))
    return;
  const { srcStats, destStats } = top ? yield* checkPaths(src, dest, options)
    : { srcStats: yield request(options.dereference ? 'stat' : 'lstat', src), destStats: yield* statOrNothing(dest) };
  if (isFolder(srcStats)) {
    if (!options.recursive) {
      throw cpError('ERR_FS_EISDIR', 'Path is a directory', EINVAL, 'EISDIR', `${src} is a directory (not copied)`,
        src);
    }
    if (!destStats)
      yield request('mkdir', dest, srcStats.mode & 0o7777);
    for (const [name] of yield request('readdir', src))
      yield* copyEntry(pathModule.join(src, name), pathModule.join(dest, name), options, false);
  } else if (isLink(srcStats)) {
    // A relative target is made absolute unless `verbatimSymlinks`, as Node's onLink does.
    let target = yield request('readlink', src);
    if (!options.verbatimSymlinks && !pathModule.isAbsolute(target))
      target = pathModule.resolve(pathModule.dirname(src), target);
    if (destStats)
      yield request('unlink', dest);
    yield request('symlink', target, dest);
  } else {
    yield* copyFile(src, dest, destStats, options);
  }
}

function optionsOf(options) {
  return { force: true, errorOnExist: false, recursive: false, dereference: false, ...options };
}

function pathsOf(src, dest) {
  const { pathOf } = require('fs')[Symbol.for('loopscope.fs.internals')];
  return [pathOf(src, 'src'), pathOf(dest, 'dest')];
}

function cpSync(src, dest, options) {
  const steps = copyEntry(...pathsOf(src, dest), optionsOf(options), true);
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    let answer;
    try {
      answer = step.filter ? step.filter(...step.args) : natives.operationSync(step.name, step.args);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(answer);
  }
}

function cpPromise(src, dest, options) {
  return new Promise((resolve, reject) => {
    const steps = copyEntry(...pathsOf(src, dest), optionsOf(options), true);
    const advance = (move) => {
      let next;
      try {
        next = move();
      } catch (error) {
        return reject(error);
      }
      if (next.done)
        return resolve(undefined);
      const step = next.value;
      if (step.filter) {
        Promise.resolve().then(() => step.filter(...step.args)).then(
          (keep) => advance(() => steps.next(keep)), (error) => advance(() => steps.throw(error)));
        return;
      }
      const target = step.args[0];
      natives.operation(step.name, step.args, `fs.cp ${step.name} ${pathModule.basename(target)}`, (error, value) => {
        advance(() => (error ? steps.throw(error) : steps.next(value)));
      });
    };
    advance(() => steps.next());
  });
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  cpPromise(src, dest, options).then(() => callback(null), (error) => callback(error));
}

module.exports = { cp, cpSync, cpPromise };
