// perf_hooks as Node 20 has it for the programs that measure themselves: the performance
// timeline (mark, measure and their entries, PerformanceObserver), and histograms -
// monitorEventLoopDelay samples how late the loop is, on an unref'd interval timer that
// the timers queue shows.
'use strict';

const { performance } = require('internal/globals');
const { DOMException } = require('internal/dom_exception');

// ---- the timeline

class PerformanceEntry {
  constructor(name, entryType, startTime, duration, detail) {
    this.name = name;
    this.entryType = entryType;
    this.startTime = startTime;
    this.duration = duration;
    if (detail !== undefined)
      this.detail = detail;
  }

  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail };
  }
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = {}) {
    const startTime = options.startTime === undefined ? performance.now() : Number(options.startTime);
    super(`${name}`, 'mark', startTime, 0, options.detail === undefined ? null : structuredClone(options.detail));
  }
}

class PerformanceMeasure extends PerformanceEntry {}

const entries = [];
const observers = new Set();
const pendingObservers = new Set();
let dispatchQueued = false;

// Observers get their entries together, from a setImmediate, as in Node.
function enqueue(entry) {
  for (const observer of observers) {
    if (!observer.types.has(entry.entryType))
      continue;
    // In start-time order, an entry after those that started at the same time.
    let at = observer.buffer.length;
    while (at > 0 && observer.buffer[at - 1].startTime > entry.startTime)
      --at;
    observer.buffer.splice(at, 0, entry);
    pendingObservers.add(observer);
  }
  if (pendingObservers.size === 0 || dispatchQueued)
    return;
  dispatchQueued = true;
  setImmediate(() => {
    dispatchQueued = false;
    const pending = [...pendingObservers];
    pendingObservers.clear();
    for (const observer of pending)
      observer.dispatch();
  });
}

function markTime(mark) {
  if (mark === undefined)
    return undefined;
  if (typeof mark === 'number')
    return mark;
  for (let at = entries.length - 1; at >= 0; --at)
    if (entries[at].entryType === 'mark' && entries[at].name === mark)
      return entries[at].startTime;
  throw new DOMException(`The "${mark}" performance mark has not been set`, 'SyntaxError');
}

function mark(name, options) {
  const entry = new PerformanceMark(name, options);
  entries.push(entry);
  enqueue(entry);
  return entry;
}

function measure(name, startOrOptions, endMark) {
  let start;
  let end;
  let detail = null;
  if (startOrOptions !== null && typeof startOrOptions === 'object') {
    start = markTime(startOrOptions.start);
    end = markTime(startOrOptions.end);
    if (startOrOptions.duration !== undefined) {
      if (end === undefined)
        end = (start === undefined ? 0 : start) + startOrOptions.duration;
      else if (start === undefined)
        start = end - startOrOptions.duration;
    }
    if (startOrOptions.detail !== undefined)
      detail = structuredClone(startOrOptions.detail);
  } else {
    start = markTime(startOrOptions);
    end = markTime(endMark);
  }
  if (end === undefined)
    end = performance.now();
  if (start === undefined)
    start = 0;
  const entry = new PerformanceMeasure(`${name}`, 'measure', start, end - start, detail);
  entries.push(entry);
  enqueue(entry);
  return entry;
}

function clearEntries(type, name) {
  for (let at = entries.length - 1; at >= 0; --at)
    if (entries[at].entryType === type && (name === undefined || entries[at].name === name))
      entries.splice(at, 1);
}

function timerify(fn) {
  if (typeof fn !== 'function') {
    const error = new TypeError(`The "fn" argument must be of type function. Received ${typeof fn}`);
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
  function timerified(...args) {
    const start = performance.now();
    const result = new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
    const entry = new PerformanceEntry(fn.name, 'function', start, performance.now() - start, args);
    enqueue(entry);
    return result;
  }
  Object.defineProperty(timerified, 'name', { value: `timerified ${fn.name}` });
  Object.defineProperty(timerified, 'length', { value: fn.length });
  return timerified;
}

Object.assign(performance, {
  mark,
  measure,
  timerify,
  getEntries: () => entries.slice(),
  getEntriesByName: (name, type) => entries.filter((e) => e.name === name && (type === undefined || e.entryType === type)),
  getEntriesByType: (type) => entries.filter((e) => e.entryType === type),
  clearMarks: (name) => clearEntries('mark', name),
  clearMeasures: (name) => clearEntries('measure', name),
});

class PerformanceObserverEntryList {
  constructor(list) {
    this.list = list;
  }
  getEntries() { return this.list.slice(); }
  getEntriesByType(type) { return this.list.filter((e) => e.entryType === type); }
  getEntriesByName(name, type) {
    return this.list.filter((e) => e.name === name && (type === undefined || e.entryType === type));
  }
}

class PerformanceObserver {
  constructor(callback) {
    if (typeof callback !== 'function') {
      const error = new TypeError(`The "callback" argument must be of type function. Received ${typeof callback}`);
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    this.callback = callback;
    this.types = new Set();
    this.buffer = [];
  }

  observe(options = {}) {
    const types = options.entryTypes !== undefined ? options.entryTypes : [options.type];
    for (const type of types)
      if (PerformanceObserver.supportedEntryTypes.includes(type))
        this.types.add(type);
    if (this.types.size > 0)
      observers.add(this);
  }

  disconnect() {
    observers.delete(this);
    pendingObservers.delete(this);
    this.buffer = [];
  }

  takeRecords() {
    const list = this.buffer;
    this.buffer = [];
    return list;
  }

  dispatch() {
    const list = this.takeRecords();
    if (list.length > 0)
      this.callback(new PerformanceObserverEntryList(list), this);
  }

  static get supportedEntryTypes() {
    return ['function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource'];
  }
}

// ---- histograms (values in nanoseconds, as Node's)

class Histogram {
  constructor() {
    this.reset();
  }

  reset() {
    this.values = [];
    this.exceeds = 0;
  }

  get count() { return this.values.length; }
  get min() { return this.values.length ? Math.min(...this.values) : 9223372036854776000; }
  get max() { return this.values.length ? Math.max(...this.values) : 0; }
  get mean() {
    return this.values.length ? this.values.reduce((a, b) => a + b, 0) / this.values.length : NaN;
  }
  get stddev() {
    if (!this.values.length)
      return NaN;
    const mean = this.mean;
    return Math.sqrt(this.values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / this.values.length);
  }
  percentile(p) {
    if (!(p > 0 && p <= 100)) {
      const error = new RangeError(`The value of "percentile" is out of range. It must be > 0 && <= 100. Received ${p}`);
      error.code = 'ERR_OUT_OF_RANGE';
      throw error;
    }
    if (!this.values.length)
      return 0;
    const sorted = this.values.slice().sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  }
  get percentiles() {
    const map = new Map();
    if (!this.values.length)
      return map;
    for (const p of [0, 50, 75, 87.5, 93.75, 96.875, 98.4375, 99.21875, 100])
      map.set(p, p === 0 ? this.min : this.percentile(p));
    return map;
  }
  get minBigInt() { return BigInt(this.min); }
  get maxBigInt() { return BigInt(this.max); }
  get countBigInt() { return BigInt(this.count); }
  get exceedsBigInt() { return BigInt(this.exceeds); }
}

class RecordableHistogram extends Histogram {
  record(value) {
    const number = Number(value);
    if (!(number >= 1)) {
      const error = new RangeError(`The value of "val" is out of range. It must be >= 1. Received ${value}`);
      error.code = 'ERR_OUT_OF_RANGE';
      throw error;
    }
    this.values.push(number);
  }

  recordDelta() {
    const now = process.hrtime.bigint();
    if (this.last !== undefined)
      this.values.push(Number(now - this.last));
    this.last = now;
  }

  add(other) {
    this.values.push(...other.values);
  }
}

function createHistogram() {
  return new RecordableHistogram();
}

// The time between two runs of a timer of `resolution` ms, as Node's libuv timer records
// it (from the second run on): a loop held up shows as long intervals.
class IntervalHistogram extends Histogram {
  constructor(resolution) {
    super();
    this.resolution = resolution;
    this.timer = null;
  }

  enable() {
    if (this.timer !== null)
      return false;
    let last;
    this.timer = setInterval(function monitorEventLoopDelay() {
      const now = process.hrtime.bigint();
      if (last !== undefined && now > last)
        this.values.push(Number(now - last));
      last = now;
    }.bind(this), this.resolution);
    this.timer.unref();
    return true;
  }

  disable() {
    if (this.timer === null)
      return false;
    clearInterval(this.timer);
    this.timer = null;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  const resolution = options.resolution === undefined ? 10 : options.resolution;
  if (!Number.isInteger(resolution) || resolution < 1) {
    const error = new RangeError(`The value of "options.resolution" is out of range. It must be >= 1 && <= 9007199254740991. Received ${resolution}`);
    error.code = 'ERR_OUT_OF_RANGE';
    throw error;
  }
  return new IntervalHistogram(resolution);
}

module.exports = {
  Performance: performance.constructor,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  monitorEventLoopDelay,
  createHistogram,
  performance,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4,
    NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16,
    NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
    NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  },
};
