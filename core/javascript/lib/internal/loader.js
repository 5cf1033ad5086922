// The first JavaScript a program's context runs (with `natives`, see JsNatives.cpp):
// Node's module loaders - the built-in modules of this folder and CommonJS files of the
// program - then the globals (lib/internal/globals.js), then the hooks the runtime
// calls: run the main module, run a timer or an immediate, 'beforeExit', 'exit', and
// what happens to an uncaught exception or an unhandled rejection.
'use strict';

const builtinCache = new Map();
// What V8's stack traces call a CommonJS module's top level.
const kModuleFrameName = 'Object.<anonymous>';
const builtinParameters = ['exports', 'require', 'module', '__filename', '__dirname'];

// Modules a program can require, with or without "node:".
const publicBuiltins = [
  '_stream_duplex', '_stream_passthrough', '_stream_readable', '_stream_transform', '_stream_writable', 'assert',
  'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto',
  'diagnostics_channel', 'dns', 'dns/promises', 'events', 'fs', 'fs/promises', 'http', 'module', 'net', 'os', 'path',
  'path/posix', 'path/win32', 'perf_hooks', 'process', 'punycode', 'querystring', 'readline', 'readline/promises',
  'stream', 'stream/consumers', 'stream/promises', 'string_decoder', 'sys', 'timers', 'timers/promises', 'tty',
  'url', 'util', 'util/types', 'v8', 'vm', 'worker_threads', 'zlib',
];

// Node 20's own list (module.builtinModules), loopscope's or not; and those Node has only
// under "node:".
const nodeBuiltins = [
  '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing', '_http_server', '_stream_duplex',
  '_stream_passthrough', '_stream_readable', '_stream_transform', '_stream_wrap', '_stream_writable', '_tls_common',
  '_tls_wrap', 'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants',
  'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'inspector', 'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix', 'path/win32',
  'perf_hooks', 'process', 'punycode', 'querystring', 'readline', 'readline/promises', 'repl', 'stream',
  'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers', 'timers/promises', 'tls',
  'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
];
const schemeOnlyBuiltins = ['test', 'test/reporters'];

function requireBuiltin(name) {
  if (name === 'internal:binding')
    return natives;
  if (name === 'module')
    return moduleBuiltin();
  const cached = builtinCache.get(name);
  if (cached !== undefined)
    return cached.exports;
  const source = natives.librarySource(name);
  if (source === undefined)
    throw new Error(`loopscope's library has no module '${name}'`);
  const module = { exports: {}, id: name, loaded: false };
  builtinCache.set(name, module);
  const body = natives.compileFunction(source, `node:${name}`, builtinParameters);
  body.call(module.exports, module.exports, requireBuiltin, module, `node:${name}`, 'node:');
  module.loaded = true;
  return module.exports;
}

function builtinName(request) {
  const name = request.startsWith('node:') ? request.slice(5) : request;
  return publicBuiltins.includes(name) ? name : undefined;
}

// ---- the program's own CommonJS files

const path = requireBuiltin('path');
// Node's require.cache: the program's loaded files by name. A program may delete an entry
// to load the file again, so the loader looks here, not in a copy.
const moduleCache = Object.create(null);

// The node_modules folders Node would search from `directory` up (module.paths).
function nodeModulePaths(directory) {
  const paths = [];
  for (let at = directory; ; at = path.dirname(at)) {
    if (path.basename(at) !== 'node_modules')
      paths.push(path.join(at, 'node_modules'));
    if (at === path.dirname(at))
      break;
  }
  return paths;
}

class Module {
  constructor(filename, parent) {
    this.id = filename;
    this.path = path.dirname(filename);
    this.exports = {};
    this.filename = filename;
    this.loaded = false;
    this.children = [];
    this.paths = nodeModulePaths(this.path);
    this.parent = parent;
    if (parent)
      parent.children.push(this);
  }
}

function tryFile(candidate) {
  return natives.statKind(candidate) === 1 ? natives.realPath(candidate) : undefined;
}

function resolveFile(request, fromDirectory) {
  const base = path.resolve(fromDirectory, request);
  const asFile = tryFile(base) || tryFile(base + '.js') || tryFile(base + '.json') || tryFile(base + '.cjs');
  if (asFile)
    return asFile;
  if (natives.statKind(base) === 2)
    return tryFile(path.join(base, 'index.js')) || tryFile(path.join(base, 'index.json'));
  return undefined;
}

// A Node built-in module that loopscope does not provide: `name` without "node:", or undefined.
function missingBuiltinName(request) {
  const name = request.startsWith('node:') ? request.slice(5) : request;
  if (publicBuiltins.includes(name))
    return undefined;
  if (nodeBuiltins.includes(name) || (request.startsWith('node:') && schemeOnlyBuiltins.includes(name)))
    return name;
  return undefined;
}

// The modules named as loopscope's (the old _stream_ names left out).
const whatIsRun = () => "loopscope runs the program's own files and Node's built-in modules " +
  `(${publicBuiltins.filter((name) => !name.startsWith('_')).join(', ')})`;

// Where the program's require call is, as "file:line:column": the first frame of the stack
// outside loopscope's library.
function requireCallSite() {
  for (const line of `${new Error().stack}`.split('\n').slice(1)) {
    const frame = /^ {4}at (?:.* \()?(.*:\d+:\d+)\)?$/.exec(line);
    if (frame && !frame[1].startsWith('node:'))
      return frame[1];
  }
  return undefined;
}

// Node has the module, loopscope does not: said so, with where the program asked for it. The
// code stays MODULE_NOT_FOUND, which programs test for to fall back on something else.
function missingBuiltinError(request, name, requiredAt) {
  const shown = schemeOnlyBuiltins.includes(name) ? `node:${name}` : name;
  const error = new Error(`loopscope does not provide Node's built-in module '${shown}' (${requiredAt}).\n` +
    `${whatIsRun()}.`);
  error.code = requiredAt.startsWith('imported') ? 'ERR_MODULE_NOT_FOUND' : 'MODULE_NOT_FOUND';
  return error;
}

function moduleNotFound(request, parent) {
  const missing = missingBuiltinName(request);
  if (missing !== undefined) {
    const site = requireCallSite();
    return missingBuiltinError(request, missing, site === undefined ? `required from ${parent.filename}` : `required at ${site}`);
  }
  const stack = [];
  for (let at = parent; at; at = at.parent)
    stack.push(`- ${at.filename}`);
  const isPackage = !request.startsWith('.') && !request.startsWith('/');
  const error = new Error(`Cannot find module '${request}'\nRequire stack:\n${stack.join('\n')}` +
    (isPackage ? `\n${whatIsRun()}, not npm packages.` : ''));
  error.code = 'MODULE_NOT_FOUND';
  error.requireStack = stack.map((line) => line.slice(2));
  return requireBuiltin('internal/node_api_frames').atNodeApi(error, 'modules.require:notFound');
}

function loadFile(filename, parent) {
  const cached = moduleCache[filename];
  if (cached)
    return cached.exports;
  if (isModuleFile(filename))
    return requireModule(filename, parent);
  const module = new Module(filename, parent);
  moduleCache[filename] = module;
  const source = natives.readFile(filename);
  if (filename.endsWith('.json')) {
    try {
      module.exports = JSON.parse(source);
    } catch (error) {
      error.message = `${filename}: ${error.message}`;
      requireBuiltin('internal/syntax_errors').placeJsonError(error);
      delete moduleCache[filename];
      throw error;
    }
  } else {
    const body = takeBodyOfDetection(filename) ?? compileProgramFile(source, filename);
    if (body === null) {
      delete moduleCache[filename];
      return requireModule(filename, parent);
    }
    body.call(module.exports, module.exports, makeRequire(module), module, filename, path.dirname(filename));
  }
  module.loaded = true;
  return module.exports;
}

function withCaughtErrorsInV8Words(source, isModule) {
  return requireBuiltin('internal/caught_errors').withCaughtErrorsInV8Words(source, isModule);
}

// A CommonJS file of the program, its catch clauses giving V8's words (internal/caught_errors);
// null when it is an ES module after all (Node 20's syntax detection: an ambiguous file whose
// CommonJS compile fails on import / export / import.meta, or on top-level await or a
// redeclared wrapper name where it compiles as a module).
function compileProgramFile(source, filename) {
  const own = stripShebang(source);
  try {
    return natives.compileFunction(withCaughtErrorsInV8Words(own, false), filename, builtinParameters, kModuleFrameName, own);
  } catch (error) {
    const message = error instanceof SyntaxError ? error.message : '';
    const format = moduleOnlySyntax.test(message) || maybeModuleSyntax.test(message) ? formatOf(filename) : undefined;
    if (format === 'ambiguous' && (moduleOnlySyntax.test(message) || compilesAsModule(own, filename))) {
      detectedModules.add(filename);
      warnOfTypelessPackage(filename);
      return null;
    }
    if (format === 'commonjs' && moduleOnlySyntax.test(message))
      globals.emitWarningSync('To load an ES module, set "type": "module" in the package.json or use the .mjs extension.');
    requireBuiltin('internal/syntax_errors').placeSyntaxError(error, own, filename, false);
    throw error;
  }
}

const moduleOnlySyntax = /^(?:(?:import|export) declarations may only appear at top level of a module|import\.meta may only appear in a module)$/;
const maybeModuleSyntax = /^(?:await is only valid in async functions, async generators and modules|redeclaration of formal parameter (?:require|module|exports|__filename|__dirname))$/;

function compilesAsModule(source, filename) {
  try {
    esmCache.set(filename, natives.compileModule(withCaughtErrorsInV8Words(source, true), filename, source));
    return true;
  } catch {
    return false;
  }
}

function warnOfTypelessPackage(filename) {
  const { manifest } = packageOf(filename);
  if (manifest === undefined)
    return;
  globals.process.emitWarning(`Module type of ${requireBuiltin('url').pathToFileURL(filename).href} is not specified and ` +
    "it doesn't parse as CommonJS.\nReparsing as ES module because module syntax was detected. This incurs a " +
    `performance overhead.\nTo eliminate this warning, add "type": "module" to ${manifest}.`,
  { code: 'MODULE_TYPELESS_PACKAGE_JSON' });
}

// require() of an ES module, as Node 20 allows: evaluated at once, its namespace returned;
// one that awaits at its top level cannot be.
function requireModule(filename, parent) {
  const record = loadModule(filename);
  const evaluation = natives.evaluateModule(record);
  const [state, result] = natives.getPromiseDetails(evaluation);
  if (state === 2) {
    evaluation.then(undefined, () => {});
    throw result;
  }
  if (state === 0) {
    const error = new Error('require() cannot be used on an ESM graph with top-level await. Use import() instead. To ' +
      'see where the top-level await comes from, use --experimental-print-required-tla.\n' +
      `  From ${parent ? parent.filename : 'the program'} \n  Requiring ${filename} `);
    error.code = 'ERR_REQUIRE_ASYNC_MODULE';
    throw error;
  }
  const namespace = natives.moduleNamespace(record);
  return 'default' in namespace && !('__esModule' in namespace) ? markedAsEsModule(filename) : namespace;
}

// Node 20 gives require() of a module with a default export its namespace plus
// `__esModule: true` (so that transpiled CommonJS reads `default` as the default export):
// a module of its own that re-exports the first, keys sorted and bindings live as a
// namespace's.
function markedAsEsModule(filename) {
  const key = `${filename}?__esModule`;
  let record = esmCache.get(key);
  if (record === undefined) {
    const target = JSON.stringify(filename);
    record = natives.compileModule(`export * from ${target};\nexport { default } from ${target};\n` +
      'export const __esModule = true;\n', key);
    esmCache.set(key, record);
    natives.evaluateModule(record);
  }
  return natives.moduleNamespace(record);
}

function stripShebang(source) {
  return source.startsWith('#!') ? '//' + source.slice(2) : source;
}

function makeRequire(module) {
  function require(request) {
    if (typeof request !== 'string')
      throw new TypeError(`The "id" argument must be of type string. Received ${typeof request}`);
    const builtin = builtinName(request);
    if (builtin !== undefined)
      return requireBuiltin(builtin);
    if (request.startsWith('node:') && missingBuiltinName(request) === undefined)
      throw Object.assign(new Error(`No such built-in module: ${request}`), { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });
    const isPath = request.startsWith('./') || request.startsWith('../') || request.startsWith('/') ||
                   request === '.' || request === '..';
    const filename = isPath ? resolveFile(request, module.path) : undefined;
    if (filename === undefined)
      throw moduleNotFound(request, module);
    return loadFile(filename, module);
  }
  require.cache = moduleCache;
  require.extensions = requireExtensions;
  require.main = mainModule;
  require.resolve = (request) => {
    // Node's answer for any of its built-ins, those loopscope does not provide included.
    if (builtinName(request) !== undefined || missingBuiltinName(request) !== undefined)
      return request;
    const filename = resolveFile(request, module.path);
    if (filename === undefined)
      throw moduleNotFound(request, module);
    return filename;
  };
  module.require = require;
  return require;
}

let mainModule;

// require.extensions (deprecated in Node, still there): the loaders by file extension.
const requireExtensions = Object.create(null);
for (const extension of ['.js', '.json', '.node']) {
  requireExtensions[extension] = function (module, filename) {
    module.exports = loadFile(filename, module.parent);
  };
}

// `require('module')`: the Module class with createRequire, builtinModules and isBuiltin.
function moduleBuiltin() {
  const cached = builtinCache.get('module');
  if (cached !== undefined)
    return cached.exports;
  function createRequire(filename) {
    const file = filename instanceof URL ? decodeURIComponent(filename.pathname)
      : typeof filename === 'string' && filename.startsWith('file://') ? decodeURIComponent(new URL(filename).pathname)
        : filename;
    if (typeof file !== 'string' || !path.isAbsolute(file)) {
      const error = new TypeError('The argument \'filename\' must be a file URL object, file URL string, or absolute ' +
        `path string. Received ${requireBuiltin('util').inspect(filename)}`);
      error.code = 'ERR_INVALID_ARG_VALUE';
      throw error;
    }
    const module = new Module(file, null);
    module.path = file.endsWith('/') ? file : path.dirname(file);
    return makeRequire(module);
  }
  const builtinModules = nodeBuiltins.slice();
  Object.assign(Module, {
    createRequire,
    builtinModules,
    isBuiltin: (request) => typeof request === 'string' &&
      (builtinName(request) !== undefined || missingBuiltinName(request) !== undefined),
    Module,
  });
  builtinCache.set('module', { exports: Module });
  return Module;
}

// ---- ES modules: .mjs files (and a .js file a package.json says is "type": "module");
// a built-in or CommonJS module imported from one is a module whose default export is
// its module.exports and whose named exports are that object's own keys.

const esmCache = new Map();
const kRequireForModules = Symbol.for('loopscope.requireForModules');
Object.defineProperty(globalThis, kRequireForModules, { value: (key) => wrappedExports.get(key) });
const wrappedExports = new Map();
const identifier = /^[A-Za-z_$][\w$]*$/;

function wrapperModule(key, exports) {
  wrappedExports.set(key, exports);
  const names = (exports !== null && (typeof exports === 'object' || typeof exports === 'function'))
    ? Object.keys(exports).filter((name) => identifier.test(name) && name !== 'default') : [];
  const source = `const exports = globalThis[Symbol.for('loopscope.requireForModules')](${JSON.stringify(key)});\n` +
    'export default exports;\n' +
    names.map((name) => `export const ${name} = exports.${name};`).join('\n');
  return natives.compileModule(source, key);
}

// The nearest package.json above a file and the "type" it gives (undefined: none).
function packageOf(filename) {
  for (let directory = path.dirname(filename); ; directory = path.dirname(directory)) {
    const manifest = path.join(directory, 'package.json');
    if (natives.statKind(manifest) === 1) {
      try {
        return { manifest, type: JSON.parse(natives.readFile(manifest)).type };
      } catch {
        return { manifest, type: undefined };
      }
    }
    if (directory === '/')
      return { manifest: undefined, type: undefined };
  }
}

// 'module', 'commonjs', or 'ambiguous': a .js file that no package.json types, which Node 20
// reads as CommonJS unless that fails on module syntax (compileProgramFile).
function formatOf(filename) {
  if (filename.endsWith('.mjs'))
    return 'module';
  if (filename.endsWith('.cjs') || !filename.endsWith('.js'))
    return 'commonjs';
  const { type } = packageOf(filename);
  return type === 'module' ? 'module' : type === 'commonjs' ? 'commonjs' : 'ambiguous';
}

const detectedModules = new Set();  // ambiguous files found to be ES modules

function isModuleFile(filename) {
  return detectedModules.has(filename) || formatOf(filename) === 'module';
}

// Whether an ambiguous file is an ES module: its CommonJS compile fails on module syntax.
// Compiles it only to know (an import of a .js file from an ES module).
function detectedAsModule(filename) {
  if (detectedModules.has(filename))
    return true;
  if (formatOf(filename) !== 'ambiguous')
    return false;
  try {
    const body = compileProgramFile(natives.readFile(filename), filename);
    if (body !== null)
      bodiesOfDetection.set(filename, body);
    return body === null;
  } catch {
    return false;  // its syntax error is reported where it is loaded as CommonJS
  }
}

// A CommonJS file compiled to learn that it is one, kept for when it is loaded.
const bodiesOfDetection = new Map();

// Called where the file is loaded, so that a compile's frames stay those of its loader.
function takeBodyOfDetection(filename) {
  const body = bodiesOfDetection.get(filename);
  bodiesOfDetection.delete(filename);
  return body;
}

function esmNotFound(specifier, referrer) {
  const missing = missingBuiltinName(specifier);
  if (missing !== undefined)
    return missingBuiltinError(specifier, missing, `imported from ${referrer}`);
  const isPackage = !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('file:');
  const resolved = path.resolve(path.dirname(referrer), specifier);
  const { makeNodeError } = requireBuiltin('util')[Symbol.for('loopscope.util.internals')];
  const error = makeNodeError(Error, 'ERR_MODULE_NOT_FOUND', isPackage
    ? `Cannot find package '${specifier}' imported from ${referrer}\n${whatIsRun()}, not npm packages.`
    : `Cannot find module '${resolved}' imported from ${referrer}`);
  if (!isPackage)
    error.url = requireBuiltin('internal/url').pathToFileURL(resolved).href;
  return requireBuiltin('internal/node_api_frames').atNodeApi(error, `modules.import:${isPackage ? 'package' : 'module'}`);
}

function loadModule(filename) {
  const cached = esmCache.get(filename);
  if (cached)
    return cached;
  let record;
  if (isModuleFile(filename) || detectedAsModule(filename)) {
    const source = natives.readFile(filename);
    requireBuiltin('internal/stack_frames').noteModuleFile(filename);
    try {
      record = natives.compileModule(withCaughtErrorsInV8Words(source, true), filename, source);
    } catch (error) {
      requireBuiltin('internal/syntax_errors').placeSyntaxError(error, source, filename, true);
      throw error;
    }
  } else {
    const exports = loadFile(filename, null);
    record = wrapperModule(filename, exports);
  }
  esmCache.set(filename, record);
  return record;
}

function resolveModule(specifier, referrer) {
  const builtin = builtinName(specifier);
  if (builtin !== undefined) {
    const key = `node:${builtin}`;
    if (!esmCache.has(key))
      esmCache.set(key, wrapperModule(key, requireBuiltin(builtin)));
    return esmCache.get(key);
  }
  let target = specifier.startsWith('file://') ? decodeURIComponent(specifier.slice(7)) : specifier;
  if (!(target.startsWith('./') || target.startsWith('../') || target.startsWith('/')))
    throw esmNotFound(specifier, referrer);
  target = path.resolve(path.dirname(referrer), target);
  if (natives.statKind(target) !== 1)
    throw esmNotFound(specifier, referrer);
  return loadModule(natives.realPath(target));
}

// import.meta, its keys in Node's order. resolve() answers as Node 20's: a built-in's node:
// name, a file's URL (whether the file is there or not), an error for a package.
function describeModule(referrer, meta) {
  meta.dirname = path.dirname(referrer);
  meta.filename = referrer;
  meta.resolve = function resolve(specifier) {
    const text = `${specifier}`;
    const builtin = builtinName(text) ?? missingBuiltinName(text);
    if (builtin !== undefined)
      return `node:${builtin}`;
    if (!(text.startsWith('./') || text.startsWith('../') || text.startsWith('/') || text.startsWith('file:')))
      throw esmNotFound(text, referrer);
    return new URL(text, meta.url).href;
  };
  meta.url = `file://${referrer}`;
}

// ---- the globals, then the hooks

const globals = requireBuiltin('internal/globals');

// A worker's hooks, from worker_threads (loaded only when a program uses it).
function workerHooks() {
  return requireBuiltin('worker_threads')[Symbol.for('loopscope.worker.hooks')];
}

// The cluster's hooks (a forked worker loads cluster before its main module, as Node does).
function clusterHooks() {
  return requireBuiltin('cluster')[Symbol.for('loopscope.cluster.hooks')];
}

// child_process's hooks: a fork()ed child's channel, and in its parent the children it forked.
function childProcessHooks() {
  return requireBuiltin('child_process')[Symbol.for('loopscope.child_process.hooks')];
}

// What arrives on a channel of ClusterForks: a fork()ed child's (or its parent's) is
// child_process's, the rest the cluster's.
function channelEvent(kind, id, ...rest) {
  if (natives.clusterInfo.isForkedChild || (builtinCache.has('child_process') && childProcessHooks().owns(id)))
    return childProcessHooks().clusterEvent(kind, id, ...rest);
  return clusterHooks().clusterEvent(kind, id, ...rest);
}

// `new Worker(code, { eval: true })`: the code as a CommonJS module named [worker eval].
function runWorkerEval(source) {
  const filename = '[worker eval]';
  mainModule = new Module(filename, null);
  mainModule.id = '.';
  mainModule.path = natives.cwd();
  globals.process.mainModule = mainModule;
  const body = natives.compileFunction(withCaughtErrorsInV8Words(source, false), filename, builtinParameters, undefined, source);
  body.call(mainModule.exports, mainModule.exports, makeRequire(mainModule), mainModule, filename, '.');
  mainModule.loaded = true;
}

natives.setHooks({
  // Before the main script runs: an ES module runs as a promise job, CommonJS at once.
  mainIsModule(file) {
    try {
      const filename = natives.realPath(path.resolve(natives.cwd(), file));
      return isModuleFile(filename) || detectedAsModule(filename);
    } catch {
      return undefined;  // runMain reports what is wrong with the file
    }
  },
  runMain(file, evalSource) {
    if (evalSource !== undefined) {
      runWorkerEval(evalSource);
      return;
    }
    const resolved = path.resolve(natives.cwd(), file);
    if (natives.statKind(resolved) !== 1) {
      // A worker's script that is not there (a program's own main file is checked before).
      const error = new Error(`Cannot find module '${resolved}'`);
      error.code = 'MODULE_NOT_FOUND';
      error.requireStack = [];
      throw error;
    }
    const filename = natives.realPath(resolved);
    if (natives.clusterInfo.isWorker)
      requireBuiltin('cluster');
    else if (natives.clusterInfo.isForkedChild)
      requireBuiltin('child_process');
    if (isModuleFile(filename)) {
      // Left unhandled, a failed evaluation is the program's uncaught error.
      natives.evaluateModule(loadModule(filename));
      return;
    }
    const source = natives.readFile(filename);
    const body = takeBodyOfDetection(filename) ?? compileProgramFile(source, filename);
    if (body === null) {
      natives.evaluateModule(loadModule(filename));
      return;
    }
    mainModule = new Module(filename, null);
    mainModule.id = '.';
    moduleCache[filename] = mainModule;
    globals.process.mainModule = mainModule;
    body.call(mainModule.exports, mainModule.exports, makeRequire(mainModule), mainModule, filename,
              path.dirname(filename));
    mainModule.loaded = true;
  },
  resolveModule,
  describeModule,
  loaderErrorSite: (error) => requireBuiltin('internal/syntax_errors').loaderErrorSite(error),
  // Before a rejection handler reads an error: its message in V8's words, and the async
  // frames V8 would have given it (from the promise the error rejected and the async function
  // that threw it, when one did).
  handOnRejection(error, asyncFrames, rejectedPromise, thrower) {
    requireBuiltin('internal/stack_frames').noteAsyncFrames(error, asyncFrames, rejectedPromise, thrower);
    requireBuiltin('internal/v8_messages').giveV8Message(error);
  },
  runTimer: globals.runTimer,
  afterTimer: globals.afterTimer,
  runImmediate: globals.runImmediate,
  drainSteps: requireBuiltin('internal/process/task_queues').drainSteps,
  emitBeforeExit: globals.emitBeforeExit,
  emitExit: globals.emitExit,
  exitAfterFatal: globals.exitAfterFatal,
  handleUncaught: globals.handleUncaught,
  processRejections: globals.processRejections,
  formatFatal: globals.formatFatal,
  nodeThrowHeader: (error) => requireBuiltin('internal/node_api_frames').nodeThrowHeader(error),
  workerEvent: (...args) => workerHooks().workerEvent(...args),
  clusterEvent: channelEvent,
  parentMessage: (...args) => workerHooks().parentMessage(...args),
  portMessage: (...args) => workerHooks().portMessage(...args),
  portEvent: (...args) => workerHooks().portEvent(...args),
  serializeError: (...args) => workerHooks().serializeError(...args),
});
