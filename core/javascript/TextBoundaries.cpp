#include "TextBoundaries.h"

#include <memory>

#include <unicode/ubrk.h>

namespace loopscope {

namespace {

struct BreakIteratorCloser {
    void operator()(UBreakIterator* iterator) const { ubrk_close(iterator); }
};

UBreakIteratorType iteratorType(TextGranularity granularity) {
    switch (granularity) {
    case TextGranularity::Word: return UBRK_WORD;
    case TextGranularity::Sentence: return UBRK_SENTENCE;
    case TextGranularity::Grapheme: break;
    }
    return UBRK_CHARACTER;
}

}  // namespace

TextBoundaries textBoundaries(const std::u16string& text, TextGranularity granularity, const std::string& locale) {
    TextBoundaries found;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UBreakIterator, BreakIteratorCloser> iterator(
        ubrk_open(iteratorType(granularity), locale.c_str(), text.data(), std::int32_t(text.size()), &status));
    if (U_FAILURE(status) || !iterator) {
        found.error = u_errorName(status);
        return found;
    }
    for (std::int32_t end = ubrk_next(iterator.get()); end != UBRK_DONE; end = ubrk_next(iterator.get())) {
        found.ends.push_back(end);
        // The rule status of the segment just passed: UBRK_WORD_NONE's range is spaces and
        // punctuation, which V8's isWordLike reads as false.
        if (granularity == TextGranularity::Word)
            found.wordLike.push_back(ubrk_getRuleStatus(iterator.get()) >= UBRK_WORD_NONE_LIMIT);
    }
    return found;
}

}  // namespace loopscope
