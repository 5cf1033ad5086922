// Intl.Segmenter, which Node 20 has and SpiderMonkey 102 does not: the boundaries of
// graphemes, words and sentences come from ICU's break iterators (the ICU the engine's
// own Intl runs on), lib/internal/intl_segmenter.js makes V8's objects of them.
#pragma once

#include <jsapi.h>

namespace loopscope {

// Adds segmentBoundaries(text, granularity, locale) -> [ends, wordLike] to `natives`:
// `ends` the UTF-16 index where each segment ends, in order; `wordLike` (for 'word') whether
// each segment is a word, a number or a run of ideographs rather than spaces or punctuation.
bool defineTextSegmenterNatives(JSContext* cx, JS::HandleObject natives);

}  // namespace loopscope
