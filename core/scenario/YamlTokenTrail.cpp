#include "YamlTokenTrail.h"

namespace loopscope {
namespace {

TextMark markOf(const yaml_mark_t& mark) { return {mark.line, mark.column}; }

// Owns one libyaml token, so that every way out of the scan frees it.
class Token {
public:
    Token() = default;
    Token(const Token&) = delete;
    Token& operator=(const Token&) = delete;
    ~Token() { yaml_token_delete(&token_); }
    yaml_token_t* get() { return &token_; }
    const yaml_token_t& operator*() const { return token_; }

private:
    yaml_token_t token_{};
};

class Scanner {
public:
    explicit Scanner(std::string_view text) {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    }
    Scanner(const Scanner&) = delete;
    Scanner& operator=(const Scanner&) = delete;
    ~Scanner() { yaml_parser_delete(&parser_); }
    bool next(Token& token) { return yaml_parser_scan(&parser_, token.get()) != 0; }

private:
    yaml_parser_t parser_{};
};

void follow(TokenTrail& trail, const yaml_token_t& token) {
    const TextMark start = markOf(token.start_mark);
    switch (token.type) {
    case YAML_VERSION_DIRECTIVE_TOKEN:
    case YAML_TAG_DIRECTIVE_TOKEN:
        if (!trail.directive)
            trail.directive = start;
        return;
    case YAML_DOCUMENT_START_TOKEN: trail.documentStartSeen = true; return;
    case YAML_FLOW_SEQUENCE_START_TOKEN:
    case YAML_FLOW_MAPPING_START_TOKEN:
        if (!trail.open.empty())
            trail.open.back().entrySeen = true;
        trail.open.push_back({token.type == YAML_FLOW_SEQUENCE_START_TOKEN ? '[' : '{', start});
        return;
    case YAML_FLOW_SEQUENCE_END_TOKEN:
    case YAML_FLOW_MAPPING_END_TOKEN:
        if (!trail.open.empty())
            trail.open.pop_back();
        return;
    case YAML_FLOW_ENTRY_TOKEN:  // a `,`: the next entry begins
        if (!trail.open.empty())
            trail.open.back().entrySeen = trail.open.back().valueSeen = false;
        return;
    case YAML_VALUE_TOKEN:
        if (!trail.open.empty())
            trail.open.back().valueSeen = true;
        return;
    case YAML_BLOCK_ENTRY_TOKEN: trail.listItemSeen = true; return;
    case YAML_KEY_TOKEN:
    case YAML_BLOCK_END_TOKEN:
    case YAML_BLOCK_SEQUENCE_START_TOKEN:
    case YAML_BLOCK_MAPPING_START_TOKEN: return;
    default:
        if (!trail.open.empty())
            trail.open.back().entrySeen = true;
        return;
    }
}

bool startsContent(yaml_token_type_t type) {
    switch (type) {
    case YAML_STREAM_START_TOKEN:
    case YAML_STREAM_END_TOKEN:
    case YAML_VERSION_DIRECTIVE_TOKEN:
    case YAML_TAG_DIRECTIVE_TOKEN:
    case YAML_DOCUMENT_START_TOKEN:
    case YAML_DOCUMENT_END_TOKEN:
    case YAML_BLOCK_END_TOKEN: return false;
    default: return true;
    }
}

// Tokens that take no room in the text: the scanner adds them where indentation or a `:`
// shows that a collection or a key begins or ends.
bool virtualToken(yaml_token_type_t type) {
    switch (type) {
    case YAML_STREAM_START_TOKEN:
    case YAML_KEY_TOKEN:
    case YAML_BLOCK_SEQUENCE_START_TOKEN:
    case YAML_BLOCK_MAPPING_START_TOKEN:
    case YAML_BLOCK_END_TOKEN: return true;
    default: return false;
    }
}

}  // namespace

const OpenFlow* TokenTrail::innermostOf(char bracket) const {
    for (auto it = open.rbegin(); it != open.rend(); ++it)
        if (it->bracket == bracket)
            return &*it;
    return nullptr;
}

TokenTrail tokenTrail(std::string_view text, TextMark stop) {
    TokenTrail trail;
    Scanner scanner(text);
    while (true) {
        Token token;
        if (!scanner.next(token))
            break;
        const yaml_token_t& t = *token;
        const TextMark start = markOf(t.start_mark);
        if (t.type == YAML_STREAM_END_TOKEN || !(start < stop))
            break;
        follow(trail, t);
        if (startsContent(t.type) && !trail.firstContent)
            trail.firstContent = start;
        if (!virtualToken(t.type)) {
            TrailToken last{t.type, start, markOf(t.end_mark)};
            if (t.type == YAML_SCALAR_TOKEN) {
                last.plainScalar = t.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
                last.quotedScalar = t.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                                    t.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
            }
            trail.last = last;
        }
    }
    return trail;
}

}  // namespace loopscope
