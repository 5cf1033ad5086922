#include "YamlTree.h"

#include <istream>
#include <streambuf>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "YamlSafety.h"

namespace loopscope {
namespace {

// Lets yaml-cpp read the text in place, without copying it into a stringstream.
class TextBuffer : public std::streambuf {
public:
    explicit TextBuffer(std::string_view text) {
        char* begin = const_cast<char*>(text.data());
        setg(begin, begin, begin + text.size());
    }
};

SourceLocation locationOf(const YAML::Mark& mark) {
    if (mark.is_null())
        return {1, 1};
    return {mark.line + 1, mark.column + 1};
}

// Thrown from inside the event handler to stop yaml-cpp at once.
struct Refusal {
    TextProblem problem;
};

// Byte offsets of (line, column) positions; yaml-cpp's columns count characters.
class LineIndex {
public:
    explicit LineIndex(std::string_view text) : text_(text) {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n')
                starts_.push_back(i + 1);
    }
    std::optional<std::size_t> offset(const YAML::Mark& mark) const {
        if (mark.line < 0 || static_cast<std::size_t>(mark.line) >= starts_.size())
            return std::nullopt;
        std::size_t i = starts_[static_cast<std::size_t>(mark.line)];
        for (int column = 0; column < mark.column && i < text_.size(); ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80 && text_[i] != '\n')
                ++column;
        while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80)
            ++i;
        return i;
    }

    // yaml-cpp places an empty value at the token after it; a teacher looks for the `-` or
    // `:` before it. The last character before `mark` that is neither space nor comment.
    SourceLocation previousToken(const YAML::Mark& mark) const {
        const std::optional<std::size_t> at = offset(mark);
        if (!at)
            return locationOf(mark);
        std::size_t end = *at;  // search [lineStart, end) of one line at a time
        std::size_t line = static_cast<std::size_t>(mark.line);
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

// yaml-cpp accepts a quoted scalar that runs to the end of the file; a teacher missing
// one quote should hear about it.
bool quoteCloses(std::string_view text, std::size_t open) {
    const char quote = text[open];
    for (std::size_t i = open + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') {
            ++i;
        } else if (text[i] == quote) {
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
                ++i;
            else
                return true;
        }
    }
    return false;
}

class TreeBuilder : public YAML::EventHandler {
public:
    explicit TreeBuilder(std::string_view text) : text_(text), lines_(text) {}

    std::optional<YamlNode> root;

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
        YamlNode node;
        node.where = lines_.previousToken(mark);
        attach(std::move(node));
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        throw Refusal{{locationOf(mark),
                       "YAML aliases (`*name`) are not supported; write the steps out in full"}};
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  const std::string& value) override {
        YamlNode node;
        node.type = YamlNode::Type::Scalar;
        node.where = locationOf(mark);
        node.quoted = tag == "!" || (!tag.empty() && tag != "?");
        if (tag == "!") {
            const std::optional<std::size_t> at = lines_.offset(mark);
            if (at && *at < text_.size() && (text_[*at] == '"' || text_[*at] == '\'') && !quoteCloses(text_, *at))
                throw Refusal{{node.where, std::string("this quoted text never ends: the closing ") +
                                               text_[*at] + " is missing"}};
        }
        node.text = value;
        attach(std::move(node));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        open(YamlNode::Type::Sequence, mark);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        open(YamlNode::Type::Map, mark);
    }
    void OnMapEnd() override { close(); }

private:
    std::string_view text_;
    LineIndex lines_;
    std::vector<YamlNode> open_;  // collections being read, outermost first
    std::size_t values_ = 0;

    void count(const YamlNode& node) {
        if (++values_ > kMaxYamlValues)
            throw Refusal{{node.where, "the file holds more than " + std::to_string(kMaxYamlValues) +
                                           " YAML values; a scenario is limited to that many"}};
    }
    void open(YamlNode::Type type, const YAML::Mark& mark) {
        YamlNode node;
        node.type = type;
        node.where = locationOf(mark);
        count(node);
        if (static_cast<int>(open_.size()) >= kMaxNestingDepth)
            throw Refusal{{node.where, "nested deeper than " + std::to_string(kMaxNestingDepth) +
                                           " levels; a scenario is never nested this deep"}};
        open_.push_back(std::move(node));
    }
    void close() {
        YamlNode node = std::move(open_.back());
        open_.pop_back();
        place(std::move(node));
    }
    void attach(YamlNode node) {
        count(node);
        place(std::move(node));
    }
    void place(YamlNode node) {
        if (open_.empty())
            root = std::move(node);
        else
            open_.back().children.push_back(std::move(node));
    }
};

// After the first document, any further document is a mistake: yaml-cpp would drop it.
class SecondDocumentRefusal : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark& mark) override {
        throw Refusal{{locationOf(mark), "a second YAML document starts here; a scenario file holds one document"}};
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

struct Explanation {
    std::string_view yamlCpp;
    std::string_view plain;
};

// yaml-cpp's terse messages, said in words a teacher can act on.
constexpr Explanation kExplanations[] = {
    {"illegal map value", "a `key: value` is not allowed here; check the indentation, or put text that "
                          "contains `: ` in quotes"},
    {"end of map not found", "the indentation here does not line up with the keys above it"},
    {"end of sequence not found", "the indentation here does not line up with the list items above it"},
    {"end of map flow not found", "a `{` is never closed: a `}` is missing"},
    {"end of sequence flow not found", "a `[` is never closed: a `]` is missing"},
    {"illegal flow end", "a `]` or `}` here closes nothing"},
    {"illegal block entry", "a `- ` list item is not allowed here; check the indentation"},
    {"block sequence entries are not allowed in this context",
     "a `- ` list item is not allowed here; check the indentation"},
    {"illegal map key", "a key is not allowed here; check the indentation"},
    {"illegal tab when looking for indentation", "tab in indentation; YAML indents with spaces only"},
    {"illegal EOF in scalar", "the file ends inside a quoted text; a closing quote is missing"},
    {"illegal document indicator in scalar", "`---` or `...` inside a quoted text; a closing quote is missing"},
    {"bad file", "nested too deep; a scenario is never nested this deep"},
};

std::string explain(const std::string& message) {
    for (const Explanation& e : kExplanations)
        if (message == e.yamlCpp)
            return std::string(e.plain);
    return "invalid YAML: " + message;
}

}  // namespace

YamlLoad loadYamlTree(std::string_view text) {
    YamlLoad result;
    TextBuffer buffer(text);
    std::istream in(&buffer);
    try {
        YAML::Parser parser(in);
        TreeBuilder builder(text);
        if (!parser.HandleNextDocument(builder))
            return result;
        result.root = std::move(builder.root);
        SecondDocumentRefusal refusal;
        parser.HandleNextDocument(refusal);
    } catch (const Refusal& refusal) {
        result.root.reset();
        result.problem = refusal.problem;
    } catch (const YAML::Exception& e) {
        result.root.reset();
        result.problem = TextProblem{locationOf(e.mark), explain(e.msg)};
    }
    return result;
}

}  // namespace loopscope
