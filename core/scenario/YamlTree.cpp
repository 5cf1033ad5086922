#include "YamlTree.h"

#include <yaml.h>

#include "LineIndex.h"
#include "YamlSafety.h"
#include "YamlSyntaxError.h"

namespace loopscope {
namespace {

TextMark markOf(const yaml_mark_t& mark) { return {mark.line, mark.column}; }

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
        const TextMark mark = markOf(event.start_mark);
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

    std::optional<TextProblem> scalar(const yaml_event_t& event, const TextMark& mark) {
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
    std::optional<TextProblem> open(YamlNode::Type type, const TextMark& mark) {
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
            result.problem = explainYamlError(parser.state(), text);
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
