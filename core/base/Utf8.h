// UTF-8 validation by the Unicode standard's table of well-formed byte sequences
// (no overlong forms, no UTF-16 surrogates, nothing above U+10FFFF). The scenario
// reader rejects files that break it; exporters replace what breaks it.
#pragma once

#include <cstddef>
#include <string_view>

namespace loopscope {

// Length (1 to 4) of the well-formed UTF-8 sequence that starts at text[at], or 0 when
// none does. Then, if `invalidLength` is given, it receives the length of the maximal
// invalid subpart there (Unicode's "substitution of maximal subparts": what one U+FFFD
// replaces).
std::size_t utf8SequenceLength(std::string_view text, std::size_t at, std::size_t* invalidLength = nullptr);

}  // namespace loopscope
