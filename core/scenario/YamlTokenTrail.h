// What libyaml's scanner reads before a position: the flow brackets still open there,
// the last token before it, and a few facts about the way there. Taken after a parse
// error, it tells which bracket a stray `]` would close and what came just before the
// culprit.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <yaml.h>

#include "LineIndex.h"

namespace loopscope {

struct TrailToken {
    yaml_token_type_t type = YAML_NO_TOKEN;
    TextMark start;
    TextMark end;
    bool plainScalar = false;
    bool quotedScalar = false;
};

// A `[` or `{` not yet closed.
struct OpenFlow {
    char bracket = '[';
    TextMark at;
    bool entrySeen = false;  // the current entry (since the bracket or the last `,`) has begun
    bool valueSeen = false;  // ... and has its `:`
};

struct TokenTrail {
    std::vector<OpenFlow> open;        // outermost first
    std::optional<TrailToken> last;    // the last token that starts before the position
    std::optional<TextMark> firstContent;  // where the document's content starts
    bool listItemSeen = false;         // a block `- ` came before
    std::optional<TextMark> directive; // the first `%YAML` or `%TAG` line, if any
    bool documentStartSeen = false;    // a `---` came before

    // The innermost open bracket, if any.
    const OpenFlow* innermost() const { return open.empty() ? nullptr : &open.back(); }
    // The innermost open `bracket` ('[' or '{'), if any.
    const OpenFlow* innermostOf(char bracket) const;
};

// Scans `text` until the first token that starts at or after `stop` (or until the scanner
// fails, which it does only at or after the parse error being explained).
TokenTrail tokenTrail(std::string_view text, TextMark stop);

}  // namespace loopscope
