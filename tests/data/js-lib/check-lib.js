'use strict';
// Checks the engine's built-in module files (core/javascript/lib/util.js,
// events.js, path.js) against Node's own modules: the same values and the
// same call sequences go through both, and every result must be identical.
//
//   node tests/data/js-lib/check-lib.js [--verbose] [--no-spidermonkey]
//
// Two runs of the library files are compared with Node: one inside Node,
// loaded by a small CommonJS loader of this script's own, and one inside
// the SpiderMonkey 102 shell (js102, or the shell named by $JS_SHELL), the
// engine the files are written for (see run-in-spidermonkey.js). The
// shared cases are in cases.js. In Node, `require('internal:binding')`
// gets Node's internal util binding, which this script reaches by running
// itself again with --expose-internals.
// Exits 1 on any mismatch, or when the SpiderMonkey shell is missing
// (unless --no-spidermonkey says to run the Node half only).

const childProcess = require('child_process');

if (!process.execArgv.includes('--expose-internals')) {
  const result = childProcess.spawnSync(
    process.execPath,
    ['--expose-internals', '--no-warnings', __filename, ...process.argv.slice(2)],
    { stdio: 'inherit' });
  process.exit(result.status === null ? 1 : result.status);
}

const fs = require('fs');
const nodePath = require('path');
const vm = require('vm');
const nodeUtil = require('util');
const NodeEventEmitter = require('events');
const { internalBinding } = require('internal/test/binding');

const verbose = process.argv.includes('--verbose');
const skipSpiderMonkey = process.argv.includes('--no-spidermonkey');
const libDir = nodePath.resolve(__dirname, '../../../core/javascript/lib');
const casesFile = nodePath.join(__dirname, 'cases.js');

// ---------------------------------------------------------------------------
// Loader

const nodeUtilBinding = internalBinding('util');
const engineBinding = {
  getPromiseDetails: (value) => nodeUtilBinding.getPromiseDetails(value),
  getProxyDetails: (value, showProxy) => nodeUtilBinding.getProxyDetails(value, showProxy),
  previewEntries: (value, isIterator) => nodeUtilBinding.previewEntries(value, isIterator),
};

function makeLoader(binding) {
  const cache = new Map();
  function load(name) {
    if (name === 'internal:binding') return binding;
    if (cache.has(name)) return cache.get(name).exports;
    const file = nodePath.join(libDir, `${name}.js`);
    if (!fs.existsSync(file)) throw new Error(`no built-in module ${name}`);
    const source = fs.readFileSync(file, 'utf8');
    const wrapper = vm.runInThisContext(
      `(function (exports, require, module) {${source}\n})`, { filename: file });
    const module = { exports: {} };
    cache.set(name, module);
    wrapper.call(module.exports, module.exports, load, module);
    return module.exports;
  }
  return load;
}

const load = makeLoader(engineBinding);
const ourUtil = load('util');
const OurEventEmitter = load('events');
const ourPath = load('path');

vm.runInThisContext(fs.readFileSync(casesFile, 'utf8'), { filename: casesFile });
const { libCases } = globalThis;

const nodeImpl = { util: nodeUtil, EventEmitter: NodeEventEmitter, path: nodePath.posix, process };
const ourImpl = { util: ourUtil, EventEmitter: OurEventEmitter, path: ourPath, process };

// ---------------------------------------------------------------------------
// Bookkeeping

const tally = { compared: 0, mismatches: 0, bySection: new Map() };
let section = '';

function startSection(name) {
  section = name;
  tally.bySection.set(name, { compared: 0, mismatches: 0, skipped: 0 });
}

function record(label, expected, actual) {
  tally.compared++;
  const entry = tally.bySection.get(section);
  entry.compared++;
  if (expected === actual) {
    if (verbose) console.log(`ok   ${section}: ${label}`);
    return;
  }
  tally.mismatches++;
  entry.mismatches++;
  console.log(`FAIL ${section}: ${label}`);
  console.log(`  node: ${JSON.stringify(expected)}`);
  console.log(`  ours: ${JSON.stringify(actual)}`);
}

function skip() {
  tally.bySection.get(section).skipped++;
}

function comparePairs(expected, actual, isSkipped = () => false) {
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    const [expectedLabel, expectedText] = expected[i] || ['(missing)', undefined];
    const [actualLabel, actualText] = actual[i] || ['(missing)', undefined];
    if (isSkipped(expectedLabel)) {
      skip();
      continue;
    }
    if (expectedLabel !== actualLabel) {
      record(`#${i} label`, expectedLabel, actualLabel);
      continue;
    }
    record(expectedLabel, expectedText, actualText);
  }
}

const { outcome, describe } = {
  describe: (value) => (typeof value === 'string' ? JSON.stringify(value) : nodeUtil.inspect(value, { depth: 4 })),
  outcome: (fn) => {
    try {
      const value = fn();
      return `= ${typeof value === 'string' ? JSON.stringify(value) : nodeUtil.inspect(value, { depth: 4 })}`;
    } catch (err) {
      return `threw ${err && err.name} ${err && err.code} ${err && err.message}`;
    }
  },
};

// ---------------------------------------------------------------------------
// Node-only sections (timers, AbortController)

async function checkUtilAsync() {
  startSection('util async (node)');
  const promisifyRun = async (util) => {
    const log = [];
    function callbackStyle(a, b, cb) { setTimeout(() => (a < 0 ? cb(new Error('negative')) : cb(null, a + b)), 1); }
    const p = util.promisify(callbackStyle);
    log.push(await p(1, 2));
    try {
      await p(-1, 2);
    } catch (err) {
      log.push(err.message);
    }
    function withCustom() {}
    withCustom[util.promisify.custom] = () => Promise.resolve('custom');
    log.push(await util.promisify(withCustom)());
    log.push(util.promisify(withCustom) === withCustom[util.promisify.custom]);
    function named(cb) { cb(null, 'x', 'y'); }
    named.extra = 'kept';
    const pn = util.promisify(named);
    log.push(pn.name, pn.extra, await pn());
    const cbified = util.callbackify(async (x) => {
      if (x === 0) throw null; // eslint-disable-line no-throw-literal
      if (x < 0) throw new Error('neg');
      return x * 2;
    });
    log.push(cbified.name, cbified.length);
    await new Promise((resolve) => cbified(4, (err, value) => { log.push(`${err} ${value}`); resolve(); }));
    await new Promise((resolve) => cbified(-1, (err) => { log.push(err.message); resolve(); }));
    await new Promise((resolve) => cbified(0, (err) => { log.push(`${err.message} ${err.code} ${err.reason}`); resolve(); }));
    return log.map(String).join(' | ');
  };
  record('promisify/callbackify', await promisifyRun(nodeUtil), await promisifyRun(ourUtil));
}

// EventEmitter: one script, run against both implementations.

async function eventsAsyncScript(EventEmitter) {
  const log = [];
  const e = new EventEmitter();
  setTimeout(() => e.emit('ready', 1, 'two'), 1);
  log.push(`once resolved: ${describe(await EventEmitter.once(e, 'ready'))}`);
  log.push(`listeners left: ${e.listenerCount('ready')} ${e.listenerCount('error')}`);
  setTimeout(() => e.emit('error', new Error('failed while waiting')), 1);
  try {
    await EventEmitter.once(e, 'ready');
  } catch (err) {
    log.push(`once rejected: ${err.message}`);
  }
  log.push(`listeners left: ${e.listenerCount('ready')} ${e.listenerCount('error')}`);
  setTimeout(() => e.emit('error', new Error('waited for error')), 1);
  log.push(`once error: ${(await EventEmitter.once(e, 'error'))[0].message}`);

  const ac = new AbortController();
  const aborted = EventEmitter.once(e, 'never', { signal: ac.signal });
  ac.abort();
  try {
    await aborted;
  } catch (err) {
    log.push(`aborted: ${err.name} ${err.code} ${err.message}`);
  }
  log.push(`after abort: ${e.listenerCount('never')} ${e.listenerCount('error')}`);
  try {
    await EventEmitter.once(e, 'x', { signal: 'nope' });
  } catch (err) {
    log.push(`bad signal: ${err.code} ${err.message}`);
  }

  // captureRejections
  const cap = new EventEmitter({ captureRejections: true });
  cap.on('work', async () => { throw new Error('async failure'); });
  const captured = new Promise((resolve) => cap.on('error', (err) => { log.push(`captured: ${err.message}`); resolve(); }));
  cap.emit('work');
  await captured;
  const capSym = new EventEmitter({ captureRejections: true });
  capSym[Symbol.for('nodejs.rejection')] = (err, type, ...args) => log.push(`rejection hook: ${err.message} ${type} ${args.join(',')}`);
  capSym.on('job', async () => { throw new Error('hooked'); });
  capSym.emit('job', 1, 2);
  await new Promise((resolve) => setTimeout(resolve, 5));
  log.push(`bad captureRejections: ${outcome(() => new EventEmitter({ captureRejections: 'yes' }))}`);

  // EventEmitter.on async iterator
  const it = new EventEmitter();
  setTimeout(() => { it.emit('tick', 1); it.emit('tick', 2, 'b'); it.emit('end'); }, 1);
  const seen = [];
  for await (const args of EventEmitter.on(it, 'tick', { close: ['end'] })) {
    seen.push(describe(args));
  }
  log.push(`on iterator: ${seen.join(' ')} left=${it.listenerCount('tick')}`);
  return log.join('\n');
}

async function checkEventsAsync() {
  startSection('events async (node)');
  const expected = (await eventsAsyncScript(NodeEventEmitter)).split('\n');
  const actual = (await eventsAsyncScript(OurEventEmitter)).split('\n');
  comparePairs(expected.map((line, i) => [`step ${i}`, line]), actual.map((line, i) => [`step ${i}`, line]));
}

function checkPortability() {
  startSection('portability');
  const banned = [
    /\.findLast(Index)?\(/, /Object\.groupBy/, /Map\.groupBy/, /Array\.fromAsync/, /\.toSorted\(/, /\.toReversed\(/,
    /\.toSpliced\(/, /\.with\(/, /captureStackTrace/, /Promise\.withResolvers/, /isWellFormed/, /toWellFormed/,
    /structuredClone/, /\bprimordials\b/, /internalBinding/, /^\s*(import|export)\s/m, /\/[a-z]*v[a-z]*\.test/,
  ];
  for (const name of ['util', 'events', 'path']) {
    const file = nodePath.join(libDir, `${name}.js`);
    const source = fs.readFileSync(file, 'utf8');
    const hits = banned.filter((re) => re.test(source)).map(String);
    record(`${name}.js uses no newer built-ins`, '', hits.join(' '));
    let parsed = 'ok';
    try {
      new vm.Script(`(function (exports, require, module) {${source}\n})`, { filename: file }); // eslint-disable-line no-new
    } catch (err) {
      parsed = err.message;
    }
    record(`${name}.js parses as a function body`, 'ok', parsed);
  }
}


// What the SpiderMonkey run can not match: without previewEntries the items
// of iterators and weak collections stay unknown, and SpiderMonkey's own
// built-in namespaces (Math, JSON) have other hidden members than V8's.
function notComparableInSpiderMonkey(label) {
  return /iterator/.test(label) ||
    /^(weakmap|weakmap entries|weakset|global Math|JSON) \{"showHidden":true\}/.test(label);
}

function findSpiderMonkeyShell() {
  const candidates = [process.env.JS_SHELL, 'js102'].filter(Boolean);
  for (const shell of candidates) {
    const probe = childProcess.spawnSync(shell, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return shell;
  }
  return undefined;
}

// The engine may provide fewer binding functions, or previewEntries in its
// plain form: loading still works and what does not need them prints as Node.
function checkBindingVariants() {
  startSection('binding variants (node)');
  const bare = makeLoader({})('util');
  const values = [{ a: [1, { b: 2 }] }, new Map([[1, new Set([2])]]), fixedStackError(), [1, 2, 3, 4, 5, 6, 7, 8]];
  values.forEach((value, i) => record(`no binding: value #${i}`, nodeUtil.inspect(value), bare.inspect(value)));
  record('no binding: promise', 'Promise { <pending> }', bare.inspect(Promise.resolve(1)));
  record('no binding: promise is a promise', 'true', String(bare.types.isPromise(Promise.resolve(1))));
  record('no binding: map iterator', '[Map Iterator] { <items unknown> }', bare.inspect(new Map([[1, 2]]).keys()));
  record('no binding: weakset showHidden', 'WeakSet { <items unknown> }', bare.inspect(new WeakSet(), { showHidden: true }));
  record('no binding: proxy', nodeUtil.inspect({ t: 1 }), bare.inspect(new Proxy({ t: 1 }, {})));

  const plain = makeLoader({
    ...engineBinding,
    previewEntries: (value, isIterator) => {
      const result = nodeUtilBinding.previewEntries(value, isIterator);
      return isIterator ? result[0] : result;
    },
  })('util');
  const setIterator = () => new Set(['a', { b: 1 }]).values();
  record('plain previewEntries: set iterator', nodeUtil.inspect(setIterator()), plain.inspect(setIterator()));
  const keysIterator = () => new Map([[1, 'x'], [2, 'y']]).keys();
  record('plain previewEntries: map keys iterator', nodeUtil.inspect(keysIterator()), plain.inspect(keysIterator()));
}

function fixedStackError() {
  const err = new Error('fixed');
  Object.defineProperty(err, 'stack', { value: 'Error: fixed\n    at top (/x.js:1:1)', configurable: true, writable: true });
  return err;
}

async function main() {
  checkPortability();
  checkBindingVariants();

  const expected = {};
  for (const [name, run] of Object.entries(libCases.sections)) {
    expected[name] = run(nodeImpl);
    startSection(`${name} (node)`);
    comparePairs(expected[name], run(ourImpl));
  }
  await checkUtilAsync();
  await checkEventsAsync();

  if (!skipSpiderMonkey) {
    const shell = findSpiderMonkeyShell();
    startSection('spidermonkey shell');
    if (shell === undefined) {
      record('SpiderMonkey shell found (js102 or $JS_SHELL)', 'found', 'missing');
    } else {
      console.log(`SpiderMonkey shell: ${shell}`);
      const run = childProcess.spawnSync(
        shell, [nodePath.join(__dirname, 'run-in-spidermonkey.js'), libDir, casesFile, process.cwd()],
        { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      let results;
      try {
        results = JSON.parse(run.stdout);
      } catch {
        record('shell run printed results', 'results', `${run.stdout.slice(0, 2000)}\n${run.stderr.slice(0, 2000)}`);
      }
      if (results !== undefined) {
        for (const name of Object.keys(libCases.sections)) {
          startSection(`${name} (spidermonkey)`);
          comparePairs(expected[name], results[name] || [], notComparableInSpiderMonkey);
        }
      }
    }
  }

  console.log('');
  for (const [name, entry] of tally.bySection) {
    const skipped = entry.skipped ? ` (${entry.skipped} not comparable, skipped)` : '';
    console.log(`${name.padEnd(40)} ${String(entry.compared).padStart(6)} compared ${String(entry.mismatches).padStart(5)} mismatches${skipped}`);
  }
  console.log(`${'total'.padEnd(40)} ${String(tally.compared).padStart(6)} compared ${String(tally.mismatches).padStart(5)} mismatches`);
  process.exitCode = tally.mismatches === 0 ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
