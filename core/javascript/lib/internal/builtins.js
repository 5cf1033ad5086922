// The built-ins under the names Node's own files give them (lib/internal/
// per_context/primordials.js): Node binds each method to its function once, at
// startup, so that a program replacing String.prototype.slice cannot change
// Node. Files ported line for line (buffer.js, internal/buffer.js) take these.
// Only the names those files use are here.
//
// Ported from Node.js v20. Copyright Node.js contributors. MIT licence: see
// the notice in util.js.
'use strict';

const { bind, call } = Function.prototype;
// uncurryThis(String.prototype.slice)(text, 1) is text.slice(1).
const uncurryThis = bind.bind(call);

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const getter = (object, name) => uncurryThis(Object.getOwnPropertyDescriptor(object, name).get);

module.exports = Object.freeze({
  __proto__: null,
  Array,
  ArrayIsArray: Array.isArray,
  ArrayPrototypeForEach: uncurryThis(Array.prototype.forEach),
  BigInt,
  Boolean,
  Float32Array,
  Float64Array,
  MathFloor: Math.floor,
  MathMin: Math.min,
  MathTrunc: Math.trunc,
  Number,
  NumberIsInteger: Number.isInteger,
  NumberIsNaN: Number.isNaN,
  NumberMAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER,
  NumberMIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER,
  ObjectDefineProperties: Object.defineProperties,
  ObjectDefineProperty: Object.defineProperty,
  ObjectGetOwnPropertyDescriptors: Object.getOwnPropertyDescriptors,
  ObjectSetPrototypeOf: Object.setPrototypeOf,
  ObjectValues: Object.values,
  RegExpPrototypeSymbolReplace: uncurryThis(RegExp.prototype[Symbol.replace]),
  // Node's SafeMap is a Map whose methods a program cannot replace.
  SafeMap: Map,
  StringPrototypeCharCodeAt: uncurryThis(String.prototype.charCodeAt),
  StringPrototypeSlice: uncurryThis(String.prototype.slice),
  StringPrototypeToLowerCase: uncurryThis(String.prototype.toLowerCase),
  StringPrototypeTrim: uncurryThis(String.prototype.trim),
  Symbol,
  SymbolSpecies: Symbol.species,
  SymbolToPrimitive: Symbol.toPrimitive,
  SymbolToStringTag: Symbol.toStringTag,
  TypedArrayPrototypeFill: uncurryThis(TypedArrayPrototype.fill),
  TypedArrayPrototypeGetBuffer: getter(TypedArrayPrototype, 'buffer'),
  TypedArrayPrototypeGetByteLength: getter(TypedArrayPrototype, 'byteLength'),
  TypedArrayPrototypeGetByteOffset: getter(TypedArrayPrototype, 'byteOffset'),
  TypedArrayPrototypeGetLength: getter(TypedArrayPrototype, 'length'),
  TypedArrayPrototypeSet: uncurryThis(TypedArrayPrototype.set),
  TypedArrayPrototypeSlice: uncurryThis(TypedArrayPrototype.slice),
  Uint8Array,
  Uint8ArrayPrototype: Uint8Array.prototype,
});
