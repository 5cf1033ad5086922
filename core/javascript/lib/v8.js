// require('v8'): what of V8's own API a program can have from SpiderMonkey. The heap figures
// come from SpiderMonkey's GC counters where it keeps one (said at each key); serialize and
// deserialize are the structured clone of worker messages (lib/internal/worker/serialize.js)
// in a Buffer - a value survives the round trip, but the bytes are not V8's; heap snapshots
// cannot be made.
'use strict';

const natives = require('internal:binding');
const { makeNodeError } = require('internal/errors');
const tape = require('internal/worker/serialize');

// V8's format starts with 0xFF and its version; loopscope's bytes are told apart by the same
// two bytes, the rest is the clone's JSON tape.
const kHeader = [0xff, 0x0f];

function getHeapStatistics() {
  const [gcBytes, limit, chunks, chunkBytes, nurseryBytes] = natives.heapCounters();
  const heapBytes = chunks * chunkBytes + nurseryBytes;
  return {
    total_heap_size: heapBytes, // measured: GC chunks allocated, and the nursery
    total_heap_size_executable: 0, // SpiderMonkey's JIT code is not in its GC heap
    total_physical_size: heapBytes, // measured: chunks are committed memory
    total_available_size: Math.max(0, limit - gcBytes), // measured: the limit less what is used
    used_heap_size: gcBytes, // measured: bytes in GC things
    heap_size_limit: limit, // measured: JSGC_MAX_BYTES, runtime.heap
    malloced_memory: 0,
    peak_malloced_memory: 0,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: 0,
  };
}

// V8's spaces by name; SpiderMonkey's nursery stands for new_space and its tenured heap
// for old_space, the others are empty.
function getHeapSpaceStatistics() {
  const [gcBytes, , chunks, chunkBytes, nurseryBytes] = natives.heapCounters();
  const sizes = { new_space: nurseryBytes, old_space: chunks * chunkBytes };
  const used = { new_space: 0, old_space: gcBytes };
  return ['read_only_space', 'new_space', 'old_space', 'code_space', 'shared_space', 'new_large_object_space',
    'large_object_space', 'code_large_object_space', 'shared_large_object_space'].map((space_name) => ({
    space_name,
    space_size: sizes[space_name] ?? 0,
    space_used_size: used[space_name] ?? 0,
    space_available_size: Math.max(0, (sizes[space_name] ?? 0) - (used[space_name] ?? 0)),
    physical_space_size: sizes[space_name] ?? 0,
  }));
}

function getHeapCodeStatistics() {
  return { code_and_metadata_size: 0, bytecode_and_metadata_size: 0, external_script_source_size: 0,
           cpu_profiler_metadata_size: 0 };
}

// V8 10.2's tag in Node 20.20.2, the release loopscope stands for (as process.version).
const cachedDataVersionTag = () => 3277340191;

// V8's flags mean nothing to SpiderMonkey: accepted and ignored.
function setFlagsFromString(flags) {
  if (typeof flags !== 'string')
    throw require('internal/errors').codes.ERR_INVALID_ARG_TYPE('flags', 'string', flags);
}

function cannot(what) {
  return () => {
    throw makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
                        `${what} is not available in loopscope: its engine is SpiderMonkey, not V8`);
  };
}

// V8 says a value that cannot be cloned in a plain Error, where structuredClone's is a
// DOMException.
function tapeOf(value) {
  try {
    return JSON.parse(tape.serialize(value, undefined, [], true));
  } catch (error) {
    if (error?.name === 'DataCloneError')
      throw new Error(error.message);
    throw error;
  }
}

function bytesOf(entries) {
  return Buffer.concat([Buffer.from(kHeader), Buffer.from(JSON.stringify(entries))]);
}

function entriesOf(buffer) {
  if (!ArrayBuffer.isView(buffer))
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'buffer must be a TypedArray or a DataView');
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  try {
    if (bytes[0] === kHeader[0] && bytes[1] === kHeader[1])
      return JSON.parse(bytes.toString('utf8', kHeader.length));
  } catch {
    // not loopscope's bytes either
  }
  throw new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
}

const valueOf = (entry) => tape.deserialize(JSON.stringify(entry));

class Serializer {
  #entries = [];

  writeHeader() {}

  writeValue(value) {
    this.#entries.push(tapeOf(value));
    return true;
  }

  writeUint32(value) {
    this.#entries.push(tapeOf(value >>> 0));
  }

  writeUint64(high, low) {
    this.#entries.push(tapeOf([high >>> 0, low >>> 0]));
  }

  writeDouble(value) {
    this.#entries.push(tapeOf(Number(value)));
  }

  writeRawBytes(source) {
    this.#entries.push(tapeOf([...new Uint8Array(source.buffer, source.byteOffset, source.byteLength)]));
  }

  transferArrayBuffer() {}

  _setTreatArrayBufferViewsAsHostObjects() {}

  releaseBuffer() {
    const bytes = bytesOf(this.#entries);
    this.#entries = [];
    return bytes;
  }
}

class Deserializer {
  #entries;
  #next = 0;

  constructor(buffer) {
    this.#entries = entriesOf(buffer);
  }

  readHeader() {
    return true;
  }

  #read() {
    if (this.#next >= this.#entries.length)
      throw new Error('Unable to deserialize cloned data.');
    return valueOf(this.#entries[this.#next++]);
  }

  readValue() {
    return this.#read();
  }

  readUint32() {
    return this.#read();
  }

  readUint64() {
    return this.#read();
  }

  readDouble() {
    return this.#read();
  }

  readRawBytes() {
    return Buffer.from(this.#read());
  }

  getWireFormatVersion() {
    return kHeader[1];
  }

  transferArrayBuffer() {}
}

class DefaultSerializer extends Serializer {}
class DefaultDeserializer extends Deserializer {}

function serialize(value) {
  return bytesOf([tapeOf(value)]);
}

function deserialize(buffer) {
  const entries = entriesOf(buffer);
  if (entries.length === 0)
    throw new Error('Unable to deserialize cloned data.');
  return valueOf(entries[0]);
}

class GCProfiler {
  start() {}

  stop() {
    return undefined;
  }
}

const promiseHooks = {
  onInit: () => () => {},
  onSettled: () => () => {},
  onBefore: () => () => {},
  onAfter: () => () => {},
  createHook: () => () => {},
};

const startupSnapshot = {
  isBuildingSnapshot: () => false,
  addSerializeCallback: cannot('v8.startupSnapshot'),
  addDeserializeCallback: cannot('v8.startupSnapshot'),
  setDeserializeMainFunction: cannot('v8.startupSnapshot'),
};

module.exports = {
  cachedDataVersionTag,
  getHeapSnapshot: cannot('v8.getHeapSnapshot()'),
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage: () => {},
  stopCoverage: () => {},
  serialize,
  writeHeapSnapshot: cannot('v8.writeHeapSnapshot()'),
  promiseHooks,
  queryObjects: cannot('v8.queryObjects()'),
  startupSnapshot,
  setHeapSnapshotNearHeapLimit: () => {},
  GCProfiler,
};
