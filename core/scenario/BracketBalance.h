// Whether the text after a stray `]` or `}` balances the brackets still open before it,
// read lexically (quotes and comments skipped). It tells a bracket too many from one
// missing: after `{"a": [1]]}` the rest balances without the second `]`.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace loopscope {

// True when the text from `from` on closes exactly `open` (innermost last), and after the
// last closer nothing follows on that line and no `]`, `}` or `,` comes next.
bool closesExactly(std::string_view text, std::size_t from, std::vector<char> open);

// True when nothing follows `from` on its line, and the next content (if any) is not `]`,
// `}` or `,`: a value that ended at `from` was a whole one.
bool quietAfter(std::string_view text, std::size_t from);

}  // namespace loopscope
