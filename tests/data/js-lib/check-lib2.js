'use strict';
// Checks the engine's buffer, TextEncoder/TextDecoder, structuredClone,
// timers/promises and assert files (core/javascript/lib) against Node's own:
// the cases of cases2.js go through both, and every result must be identical.
//
//   node tests/data/js-lib/check-lib2.js [--verbose] [--no-spidermonkey]
//
// As check-lib.js does, the library files run twice: inside Node, loaded by a
// small CommonJS loader of this script's own (each file named "node:<name>",
// as the engine names them), and inside the SpiderMonkey 102 shell (js102, or
// $JS_SHELL) by run-in-spidermonkey2.js. Inside Node, the library's `timers`
// is Node's own, so timers/promises is checked on Node's event loop; the
// shell run has a timer loop of its own. Exits 1 on any mismatch, or when
// the shell is missing (unless --no-spidermonkey).

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
const { internalBinding } = require('internal/test/binding');

const verbose = process.argv.includes('--verbose');
const skipSpiderMonkey = process.argv.includes('--no-spidermonkey');
const libDir = nodePath.resolve(__dirname, '../../../core/javascript/lib');
const casesFile = nodePath.join(__dirname, 'cases2.js');

// ---------------------------------------------------------------------------
// Loader

const nodeUtilBinding = internalBinding('util');
const engineBinding = {
  getPromiseDetails: (value) => nodeUtilBinding.getPromiseDetails(value),
  getProxyDetails: (value, showProxy) => nodeUtilBinding.getProxyDetails(value, showProxy),
  previewEntries: (value, isIterator) => nodeUtilBinding.previewEntries(value, isIterator),
  readFile: (file) => fs.readFileSync(file, 'utf8'),
  detachArrayBuffer: (buffer) => structuredClone(buffer, { transfer: [buffer] }),
};

function makeLoader(binding) {
  const cache = new Map();
  function load(name) {
    if (name === 'internal:binding') return binding;
    if (name === 'timers') return require('timers');
    if (cache.has(name)) return cache.get(name).exports;
    const file = nodePath.join(libDir, `${name}.js`);
    if (!fs.existsSync(file)) throw new Error(`no built-in module ${name}`);
    const source = fs.readFileSync(file, 'utf8');
    const wrapper = vm.runInThisContext(
      `(function (exports, require, module) {${source}\n})`, { filename: `node:${name}` });
    const module = { exports: {} };
    cache.set(name, module);
    wrapper.call(module.exports, module.exports, load, module);
    return module.exports;
  }
  return load;
}

const load = makeLoader(engineBinding);
const ourBuffer = load('buffer');
const ourEncoding = load('internal/encoding');
const ourImpl = {
  Buffer: ourBuffer.Buffer,
  buffer: ourBuffer,
  TextEncoder: ourEncoding.TextEncoder,
  TextDecoder: ourEncoding.TextDecoder,
  structuredClone: load('internal/structured_clone').structuredClone,
  DOMException: load('internal/dom_exception').DOMException,
  assert: load('assert'),
  timersPromises: load('timers/promises'),
  util: load('util'),
};
const nodeImpl = {
  Buffer: require('buffer').Buffer,
  buffer: require('buffer'),
  TextEncoder,
  TextDecoder,
  structuredClone,
  DOMException,
  assert: require('assert'),
  timersPromises: require('timers/promises'),
  util: require('util'),
};

vm.runInThisContext(fs.readFileSync(casesFile, 'utf8'), { filename: casesFile });
const { libCases2 } = globalThis;

// ---------------------------------------------------------------------------
// Bookkeeping

const tally = { compared: 0, mismatches: 0, bySection: new Map() };
let section = '';

function startSection(name) {
  section = name;
  tally.bySection.set(name, { compared: 0, mismatches: 0, skipped: 0 });
}

function skip() {
  tally.bySection.get(section).skipped++;
}

// What the run inside Node can not match: util.format's %s prints an object
// with String() unless its class is one of the global built-ins util saw when
// it loaded. Node's util loads before Node defines the global Buffer (and so
// does the engine's); the library's util loaded inside Node sees Node's
// global Buffer. The SpiderMonkey run compares it.
function notComparableInNode(label) {
  return label === 'format %s %o %j';
}

// What the SpiderMonkey run can not match: the messages the engine itself
// gives where buffer.js and internal/buffer.js, ported line for line, leave
// the check to it (a negative offset given to the Uint8Array constructor, a
// Number meeting a BigInt in writeBigInt64*). Their names and codes match.
function notComparableInSpiderMonkey(label) {
  return label === 'from(ab, -1)' || /^writeBig(U?Int|Uint)64(LE|BE)\(1\)$/.test(label);
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

function runSection(run, impl) {
  try {
    return run(impl);
  } catch (err) {
    return [['section threw', `${err}\n${err.stack}`]];
  }
}

// The library files use nothing newer than SpiderMonkey 102 has.
function checkPortability() {
  startSection('portability');
  const banned = [
    /\.findLast(Index)?\(/, /Object\.groupBy/, /Map\.groupBy/, /Array\.fromAsync/, /\.toSorted\(/, /\.toReversed\(/,
    /\.toSpliced\(/, /\.with\(/, /captureStackTrace/, /Promise\.withResolvers/, /isWellFormed/, /toWellFormed/,
    /\bprimordials\b/, /internalBinding/, /^\s*(import|export)\s/m, /\/[a-z]*v[a-z]*\.test/,
  ];
  const files = ['buffer', 'internal/string_bytes', 'internal/errors', 'internal/encoding', 'internal/dom_exception',
    'internal/structured_clone', 'timers/promises', 'assert', 'assert/strict', 'internal/assert/assertion_error',
    'internal/assert/utils', 'internal/assert/stack_frames', 'internal/assert/calltracker', 'internal/comparisons',
    'internal/buffer', 'internal/buffer_binding', 'internal/builtins', 'internal/options'];
  for (const name of files) {
    const file = nodePath.join(libDir, `${name}.js`);
    // Comments may name what the code stands in for.
    const source = fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const hits = banned.filter((re) => re.test(source)).map(String);
    record(`${name}.js uses no newer built-ins`, '', hits.join(' '));
  }
}

// An uncaught error's report starts with where it was thrown: "node:assert:90",
// the source line and a caret. The library's assert and buffer files keep
// Node's line numbers so that the engine can print the same; each statement
// runs in a child Node with Node's modules and with the library's
// (throw-site.js). Not here: what Node's validators throw, which Node reports
// at node:internal/errors:541, where every validator rethrows, and what Node
// throws from C++, which Node reports at the line that called into C++ (the
// library throws it from internal/*_binding.js).
const throwStatements = [
  'assert.strictEqual(1, 2)', 'assert.ok(false)', 'assert(0)', 'assert.ok(false, new Error("own"))',
  'assert.deepStrictEqual({ a: 1 }, { a: 2 })', 'assert.equal(1, 2)', 'assert.notEqual(1, 1)',
  'assert.deepEqual([1], [2])', 'assert.fail("x")', 'assert.fail(new TypeError("t"))', 'assert.equal(1)',
  'assert.strictEqual(1, 2, new Error("own"))', 'assert.throws(() => {})',
  'assert.throws(() => { throw new Error("a"); }, /b/)', 'assert.throws(() => { throw new Error("a"); }, RangeError)',
  'assert.throws(() => { throw new Error("a"); }, { message: "b" })', 'assert.throws(() => { throw 1; }, { message: "b" })',
  'assert.throws(() => { throw new Error("a"); }, () => false)', 'assert.throws(() => {}, "x", "y")',
  'assert.throws(() => { throw new Error("a"); }, {})', 'assert.doesNotThrow(() => { throw new Error("x"); })',
  'assert.doesNotThrow(() => { throw new Error("x"); }, RangeError)', 'assert.match("a", /b/)',
  'assert.match("a", "b")', 'assert.ifError(new Error("x"))', 'assert.strict.equal(1, "1")',
  'Buffer.from(5)', 'Buffer.alloc(2).readUInt8(5)', 'Buffer.alloc(2).readUInt32LE(0)', 'Buffer.alloc(1).readDoubleLE()',
  'Buffer.alloc(2).readUIntLE(0, 7)', 'Buffer.alloc(2).writeUInt8(300)', 'Buffer.alloc(2).writeInt16BE(1, 1)',
  'Buffer.from("a").toString("nope")', 'Buffer.from("a", "nope")', 'Buffer.alloc(3).swap16()', 'Buffer.concat([1])',
  'Buffer.alloc(2).fill("zz", "hex")', 'Buffer.compare("a", Buffer.alloc(1))', 'Buffer.alloc(1).copy("x")',
  'Buffer.alloc(1).equals(1)', 'Buffer.alloc(1).indexOf({})', 'Buffer.alloc(1).toString("utf8", 0, 1, 2) + Buffer.x.y',
  'buffer.transcode(Buffer.from([0xff]), "utf8", "ucs2")', 'buffer.transcode("x", "utf8", "ucs2")',
  'Buffer.from(new ArrayBuffer(2), 3)', 'Buffer.alloc(2).compare(Buffer.alloc(2), 0, 0, 3)',
  'new TextDecoder("nope")', 'TextDecoder.prototype.decode.call({})',
  'Object.getOwnPropertyDescriptor(TextEncoder.prototype, "encoding").get.call(1)',
];

function checkThrowSites() {
  startSection('throw sites (node)');
  const helper = nodePath.join(__dirname, 'throw-site.js');
  const site = (which, statement) => {
    const run = childProcess.spawnSync(process.execPath, ['--no-deprecation', helper, libDir, which, statement],
                                       { encoding: 'utf8' });
    return run.stderr.split('\n').slice(0, 3).join('\n');
  };
  for (const statement of throwStatements)
    record(statement, site('node', statement), site('library', statement));
}

function findSpiderMonkeyShell() {
  const candidates = [process.env.JS_SHELL, 'js102'].filter(Boolean);
  for (const shell of candidates) {
    const probe = childProcess.spawnSync(shell, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return shell;
  }
  return undefined;
}

async function main() {
  checkPortability();
  checkThrowSites();

  const expected = {};
  for (const [name, run] of Object.entries(libCases2.sections)) {
    expected[name] = runSection(run, nodeImpl);
    startSection(`${name} (node)`);
    comparePairs(expected[name], runSection(run, ourImpl), notComparableInNode);
  }
  for (const [name, run] of Object.entries(libCases2.asyncSections)) {
    // Each script starts inside a timer callback, where the order of timers
    // and immediates does not depend on how long the checks before took.
    await new Promise((resolve) => setTimeout(resolve, 1));
    expected[name] = await run(nodeImpl).catch((err) => [['section threw', String(err)]]);
    await new Promise((resolve) => setTimeout(resolve, 1));
    startSection(`${name} (node)`);
    comparePairs(expected[name], await run(ourImpl).catch((err) => [['section threw', String(err)]]));
  }

  if (!skipSpiderMonkey) {
    const shell = findSpiderMonkeyShell();
    startSection('spidermonkey shell');
    if (shell === undefined) {
      record('SpiderMonkey shell found (js102 or $JS_SHELL)', 'found', 'missing');
    } else {
      console.log(`SpiderMonkey shell: ${shell}`);
      const run = childProcess.spawnSync(
        shell, [nodePath.join(__dirname, 'run-in-spidermonkey2.js'), libDir, casesFile, process.cwd()],
        { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
      let results;
      try {
        results = JSON.parse(run.stdout);
      } catch {
        record('shell run printed results', 'results', `${run.stdout.slice(0, 2000)}\n${run.stderr.slice(0, 2000)}`);
      }
      if (results !== undefined) {
        for (const name of [...Object.keys(libCases2.sections), ...Object.keys(libCases2.asyncSections)]) {
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
