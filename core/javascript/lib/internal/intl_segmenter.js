// Intl.Segmenter as V8 (Node 20) has it; SpiderMonkey 102 has none. The boundaries come
// from ICU (natives.segmentBoundaries); the objects are V8's: a Segments object with
// containing() and an iterator, whose segment data are plain objects
// { segment, index, input[, isWordLike] }.
'use strict';

const natives = require('internal:binding');

const granularities = ['grapheme', 'word', 'sentence'];
const localeMatchers = ['lookup', 'best fit'];
const internals = new WeakMap();  // Segmenter, Segments or iterator -> its slots

function optionOf(options, name, allowed, fallback) {
  const value = options[name];
  if (value === undefined)
    return fallback;
  const text = String(value);
  if (!allowed.includes(text))
    throw new RangeError(`Value ${text} out of range for Intl.Segmenter options property ${name}`);
  return text;
}

// The locale Node resolves: the best available, without Unicode extensions (a segmenter
// takes none).
function resolvedLocale(locales) {
  const locale = new Intl.DateTimeFormat(locales).resolvedOptions().locale;
  return locale.replace(/-u(?:-[0-9a-z]{2,8})+/i, '');
}

function slotsOf(object, kind, method) {
  const slots = internals.get(object);
  if (slots === undefined || slots.kind !== kind)
    throw new TypeError(`Method ${method} called on incompatible receiver ${String(object)}`);
  return slots;
}

function segmentData(slots, at) {
  const start = at === 0 ? 0 : slots.ends[at - 1];
  const data = { segment: slots.input.slice(start, slots.ends[at]), index: start, input: slots.input };
  if (slots.granularity === 'word')
    data.isWordLike = slots.wordLike[at] === 1;
  return data;
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

const SegmentIteratorPrototype = Object.create(IteratorPrototype, {
  next: {
    value: function next() {
      const slots = slotsOf(this, 'iterator', '%SegmentIterator.prototype%.next');
      if (slots.next >= slots.segments.ends.length)
        return { value: undefined, done: true };
      return { value: segmentData(slots.segments, slots.next++), done: false };
    },
    writable: true,
    configurable: true,
  },
  [Symbol.toStringTag]: { value: 'Segmenter String Iterator', configurable: true },
});

const SegmentsPrototype = Object.create(Object.prototype, {
  containing: {
    value: function containing(index) {
      const slots = slotsOf(this, 'segments', '%Segments.prototype%.containing');
      const number = Number(index);
      const at = Number.isNaN(number) ? 0 : Math.trunc(number);
      if (at < 0 || at >= slots.input.length)
        return undefined;
      let low = 0;
      let high = slots.ends.length - 1;
      while (low < high) {  // the first segment that ends after `at`
        const middle = (low + high) >> 1;
        if (slots.ends[middle] > at)
          high = middle;
        else
          low = middle + 1;
      }
      return segmentData(slots, low);
    },
    writable: true,
    configurable: true,
  },
  [Symbol.iterator]: {
    value: function () {
      const slots = slotsOf(this, 'segments', '%Segments.prototype%[@@iterator]');
      const iterator = Object.create(SegmentIteratorPrototype);
      internals.set(iterator, { kind: 'iterator', segments: slots, next: 0 });
      return iterator;
    },
    writable: true,
    configurable: true,
  },
});
Object.defineProperty(SegmentsPrototype[Symbol.iterator], 'name', { value: '[Symbol.iterator]' });

// A function, not a class: V8's text when it is called without `new` is its own.
function Segmenter(locales = undefined, options = undefined) {
  if (new.target === undefined)
    throw new TypeError("Constructor Intl.Segmenter requires 'new'");
  const given = options === undefined ? {} : Object(options);
  optionOf(given, 'localeMatcher', localeMatchers, 'best fit');
  const granularity = optionOf(given, 'granularity', granularities, 'grapheme');
  internals.set(this, { kind: 'segmenter', locale: resolvedLocale(locales), granularity });
}

const methods = {
  resolvedOptions() {
    const { locale, granularity } = slotsOf(this, 'segmenter', 'Intl.Segmenter.prototype.resolvedOptions');
    return { locale, granularity };
  },
  segment(string) {
    const { locale, granularity } = slotsOf(this, 'segmenter', 'Intl.Segmenter.prototype.segment');
    const input = String(string);
    const [ends, wordLike] = natives.segmentBoundaries(input, granularity, locale);
    const segments = Object.create(SegmentsPrototype);
    internals.set(segments, { kind: 'segments', input, granularity, ends, wordLike });
    return segments;
  },
};
for (const [name, method] of Object.entries(methods))
  Object.defineProperty(Segmenter.prototype, name, { value: method, writable: true, configurable: true });
Object.defineProperty(Segmenter, 'supportedLocalesOf', {
  value: function supportedLocalesOf(locales, options = undefined) {
    return Intl.DateTimeFormat.supportedLocalesOf(locales, options);
  },
  writable: true,
  configurable: true,
});
Object.defineProperty(Segmenter, 'prototype', { writable: false });

Object.defineProperty(Segmenter.prototype, Symbol.toStringTag, { value: 'Intl.Segmenter', configurable: true });
Object.defineProperty(Segmenter, 'length', { value: 0 });

if (typeof Intl.Segmenter !== 'function')
  Object.defineProperty(Intl, 'Segmenter', { value: Segmenter, writable: true, configurable: true, enumerable: false });
