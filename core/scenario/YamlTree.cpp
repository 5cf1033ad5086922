#include "YamlTree.h"

#include <yaml.h>

#include "YamlSafety.h"

namespace loopscope {
namespace {

// libyaml's marks are 0-based and count characters, not bytes.
struct Mark {
    std::size_t line = 0;
    std::size_t column = 0;
};

Mark markOf(const yaml_mark_t& mark) { return {mark.line, mark.column}; }

SourceLocation locationOf(const Mark& mark) {
    return {static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
}

// Byte offsets of (line, column) positions, whose columns count characters.
class LineIndex {
public:
    explicit LineIndex(std::string_view text) : text_(text) {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n')
                starts_.push_back(i + 1);
    }
    std::optional<std::size_t> offset(const Mark& mark) const {
        if (mark.line >= starts_.size())
            return std::nullopt;
        std::size_t i = starts_[mark.line];
        for (std::size_t column = 0; column < mark.column && i < text_.size(); ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80 && text_[i] != '\n')
                ++column;
        while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80)
            ++i;
        return i;
    }

    // libyaml places an empty value at the token after it; a teacher looks for the `-` or
    // `:` before it. The last character before `mark` that is neither space nor comment.
    SourceLocation previousToken(const Mark& mark) const {
        const std::optional<std::size_t> at = offset(mark);
        if (!at)
            return locationOf(mark);
        std::size_t end = *at;  // search [lineStart, end) of one line at a time
        std::size_t line = mark.line;
        while (true) {
            const std::size_t start = starts_[line];
            std::string_view content = text_.substr(start, end - start);
            for (std::size_t i = 0; i < content.size(); ++i)
                if (content[i] == '#' && (i == 0 || content[i - 1] == ' ' || content[i - 1] == '\t')) {
                    content = content.substr(0, i);
                    break;
                }
            const std::size_t last = content.find_last_not_of(" \t\r\n");
            if (last != std::string_view::npos)
                return {static_cast<int>(line) + 1, columnOf(start, start + last)};
            if (line == 0)
                return locationOf(mark);
            --line;
            end = starts_[line + 1];
        }
    }

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;

    int columnOf(std::size_t lineStart, std::size_t at) const {
        int column = 1;
        for (std::size_t i = lineStart; i < at; ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80)
                ++column;
        return column;
    }
};

// Owns one libyaml event, so that every way out of the read loop frees it.
class Event {
public:
    Event() = default;
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;
    ~Event() { yaml_event_delete(&event_); }
    yaml_event_t* get() { return &event_; }
    const yaml_event_t& operator*() const { return event_; }

private:
    yaml_event_t event_{};
};

class Parser {
public:
    explicit Parser(std::string_view text) {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    ~Parser() { yaml_parser_delete(&parser_); }
    // False on a YAML error, described by state().
    bool next(Event& event) { return yaml_parser_parse(&parser_, event.get()) != 0; }
    const yaml_parser_t& state() const { return parser_; }

private:
    yaml_parser_t parser_{};
};

class TreeBuilder {
public:
    explicit TreeBuilder(std::string_view text) : lines_(text) {}

    std::optional<YamlNode> root;

    // The refusal, if `event` is one; otherwise the event joins the tree.
    std::optional<TextProblem> take(const yaml_event_t& event) {
        const Mark mark = markOf(event.start_mark);
        switch (event.type) {
        case YAML_ALIAS_EVENT:
            return TextProblem{locationOf(mark), "YAML aliases (`*name`) are not supported; write the steps out in full"};
        case YAML_SCALAR_EVENT:
            return scalar(event, mark);
        case YAML_SEQUENCE_START_EVENT:
            return open(YamlNode::Type::Sequence, mark);
        case YAML_MAPPING_START_EVENT:
            return open(YamlNode::Type::Map, mark);
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            close();
            return std::nullopt;
        default:
            return std::nullopt;
        }
    }

private:
    LineIndex lines_;
    std::vector<YamlNode> open_;  // collections being read, outermost first
    std::size_t values_ = 0;

    std::optional<TextProblem> scalar(const yaml_event_t& event, const Mark& mark) {
        const auto& data = event.data.scalar;
        YamlNode node;
        const bool tagged = data.tag != nullptr;
        if (data.style == YAML_PLAIN_SCALAR_STYLE && !tagged && data.length == 0) {
            node.where = lines_.previousToken(mark);  // an empty value: `key:` or `-`
        } else {
            node.type = YamlNode::Type::Scalar;
            node.where = locationOf(mark);
            node.quoted = data.style != YAML_PLAIN_SCALAR_STYLE || tagged;
            node.text.assign(reinterpret_cast<const char*>(data.value), data.length);
        }
        return attach(std::move(node));
    }
    std::optional<TextProblem> count(const YamlNode& node) {
        if (++values_ > kMaxYamlValues)
            return TextProblem{node.where, "the file holds more than " + std::to_string(kMaxYamlValues) +
                                               " YAML values; a scenario is limited to that many"};
        return std::nullopt;
    }
    std::optional<TextProblem> open(YamlNode::Type type, const Mark& mark) {
        YamlNode node;
        node.type = type;
        node.where = locationOf(mark);
        if (auto problem = count(node))
            return problem;
        if (static_cast<int>(open_.size()) >= kMaxNestingDepth)
            return TextProblem{node.where, "nested deeper than " + std::to_string(kMaxNestingDepth) +
                                               " levels; a scenario is never nested this deep"};
        open_.push_back(std::move(node));
        return std::nullopt;
    }
    void close() {
        YamlNode node = std::move(open_.back());
        open_.pop_back();
        place(std::move(node));
    }
    std::optional<TextProblem> attach(YamlNode node) {
        if (auto problem = count(node))
            return problem;
        place(std::move(node));
        return std::nullopt;
    }
    void place(YamlNode node) {
        if (open_.empty())
            root = std::move(node);
        else
            open_.back().children.push_back(std::move(node));
    }
};

struct Explanation {
    std::string_view problem;
    std::string_view context;  // empty: any context
    std::string_view plain;
};

// libyaml's messages, said in words a teacher can act on.
constexpr Explanation kExplanations[] = {
    {"mapping values are not allowed in this context", "",
     "a `key: value` is not allowed here; check the indentation, or put text that contains `: ` in quotes"},
    {"did not find expected key", "while parsing a block mapping",
     "the indentation here does not line up with the keys above it"},
    {"did not find expected '-' indicator", "while parsing a block collection",
     "the indentation here does not line up with the list items above it"},
    {"did not find expected ',' or '}'", "while parsing a flow mapping", "a `{` is never closed: a `}` is missing"},
    {"did not find expected ',' or ']'", "while parsing a flow sequence", "a `[` is never closed: a `]` is missing"},
    {"block sequence entries are not allowed in this context", "",
     "a `- ` list item is not allowed here; check the indentation"},
    {"found unexpected end of stream", "while scanning a quoted scalar",
     "the file ends inside a quoted text; a closing quote is missing"},
    {"found unexpected document indicator", "while scanning a quoted scalar",
     "`---` or `...` inside a quoted text; a closing quote is missing"},
};

std::string_view orEmpty(const char* text) { return text ? std::string_view(text) : std::string_view(); }

TextProblem explain(const yaml_parser_t& parser, std::string_view text) {
    const std::string_view problem = orEmpty(parser.problem);
    const std::string_view context = orEmpty(parser.context);
    const LineIndex lines(text);
    if (parser.error == YAML_READER_ERROR || parser.error == YAML_MEMORY_ERROR)
        return {locationOf(markOf(parser.mark)), "invalid YAML: " + std::string(problem)};
    // A quote that never closes: point at the opening quote, where the teacher must look.
    if (problem == "found unexpected end of stream" && context == "while scanning a quoted scalar") {
        const Mark open = markOf(parser.context_mark);
        const std::optional<std::size_t> at = lines.offset(open);
        const char quote = at && *at < text.size() ? text[*at] : '"';
        return {locationOf(open), std::string("this quoted text never ends: the closing ") + quote + " is missing"};
    }
    const Mark culprit = markOf(parser.problem_mark);
    const SourceLocation where = locationOf(culprit);
    const std::optional<std::size_t> at = lines.offset(culprit);
    const char found = at && *at < text.size() ? text[*at] : '\0';
    if (problem == "did not find expected node content" && (found == ']' || found == '}'))
        return {where, "a `]` or `}` here closes nothing"};
    if (problem == "found character that cannot start any token" && found != '\0')
        return {where, std::string("a value cannot start with `") + found + "`; put the text in quotes"};
    if (problem == "found unknown escape character")
        return {where, "unknown escape in double-quoted text; write `\\\\` for a backslash, or use single quotes"};
    for (const Explanation& e : kExplanations)
        if (problem == e.problem && (e.context.empty() || context == e.context))
            return {where, std::string(e.plain)};
    std::string message = "invalid YAML: ";
    if (!context.empty())
        message += std::string(context) + ", ";
    message += problem;
    return {where, message};
}

}  // namespace

YamlLoad loadYamlTree(std::string_view text) {
    YamlLoad result;
    Parser parser(text);
    TreeBuilder builder(text);
    bool documentSeen = false;
    while (true) {
        Event event;
        if (!parser.next(event)) {
            result.root.reset();
            result.problem = explain(parser.state(), text);
            return result;
        }
        const yaml_event_t& e = *event;
        if (e.type == YAML_STREAM_END_EVENT)
            break;
        if (e.type == YAML_DOCUMENT_START_EVENT) {
            if (documentSeen) {
                result.root.reset();
                result.problem = TextProblem{locationOf(markOf(e.start_mark)),
                                             "a second YAML document starts here; a scenario file holds one document"};
                return result;
            }
            documentSeen = true;
            continue;
        }
        if (auto problem = builder.take(e)) {
            result.root.reset();
            result.problem = std::move(problem);
            return result;
        }
    }
    result.root = std::move(builder.root);
    return result;
}

}  // namespace loopscope
