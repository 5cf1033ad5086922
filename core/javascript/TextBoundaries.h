// Where a text's graphemes, words or sentences end, by ICU's break iterators (the system
// ICU: the engine's own ICU is inside libmozjs and not exported). Kept apart from the
// engine's headers, which carry an older ICU's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace loopscope {

enum class TextGranularity { Grapheme, Word, Sentence };

struct TextBoundaries {
    std::vector<std::int32_t> ends;  // UTF-16 index where each segment ends, in order
    std::vector<bool> wordLike;      // for words: a word, number or ideographs, not spaces or punctuation
    std::string error;               // ICU's name of what failed; empty when it worked
};

TextBoundaries textBoundaries(const std::u16string& text, TextGranularity granularity, const std::string& locale);

}  // namespace loopscope
