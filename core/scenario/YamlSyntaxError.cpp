#include "YamlSyntaxError.h"

#include <optional>
#include <string>
#include <vector>

#include "BracketBalance.h"
#include "LineIndex.h"
#include "MessageText.h"
#include "YamlTokenTrail.h"

namespace loopscope {
namespace {

std::string_view orEmpty(const char* text) { return text ? std::string_view(text) : std::string_view(); }

TextMark markOf(const yaml_mark_t& mark) { return {mark.line, mark.column}; }

bool isCloser(char c) { return c == ']' || c == '}'; }
char closerOf(char opener) { return opener == '[' ? ']' : '}'; }
char openerOf(char closer) { return closer == ']' ? '[' : '{'; }

std::string code(char c) { return std::string("`") + c + "`"; }
std::string code(std::string_view text) { return "`" + std::string(text) + "`"; }

// "line 3, column 5"
std::string placeOf(const TextMark& mark) {
    const SourceLocation where = locationOf(mark);
    return "line " + std::to_string(where.line) + ", column " + std::to_string(where.column);
}

// Reads what libyaml's `problem` and `context` mean at the marks it gives. Each reading
// answers only the errors it knows; explain() asks them in turn.
class Explanation {
public:
    Explanation(const yaml_parser_t& parser, std::string_view text)
        : parser_(parser),
          lines_(text),
          problem_(orEmpty(parser.problem)),
          context_(orEmpty(parser.context)),
          culprit_(markOf(parser.problem_mark)),
          opening_(markOf(parser.context_mark)),
          found_(lines_.charAt(culprit_)) {}

    TextProblem explain() {
        if (parser_.error == YAML_MEMORY_ERROR)
            return at(culprit_, "not enough memory to read the file");
        if (parser_.error == YAML_READER_ERROR)  // the offset counts bytes
            return at(lines_.markAt(parser_.problem_offset), "invalid YAML: " + std::string(problem_));
        for (auto reading : {&Explanation::quotedText, &Explanation::valueStart, &Explanation::directive,
                             &Explanation::blockStructure, &Explanation::flowCollection, &Explanation::missingValue,
                             &Explanation::afterDocument, &Explanation::plainAndBlockText})
            if (std::optional<TextProblem> problem = (this->*reading)())
                return *problem;
        std::string message = "invalid YAML: ";
        if (!context_.empty())
            message += std::string(context_) + ", ";
        return at(culprit_, message + std::string(problem_));
    }

private:
    const yaml_parser_t& parser_;
    LineIndex lines_;
    std::string_view problem_;
    std::string_view context_;
    TextMark culprit_;  // where libyaml stopped
    TextMark opening_;  // where the construct it was reading began
    char found_;        // the character at the culprit
    std::optional<TokenTrail> trail_;

    static TextProblem at(const TextMark& mark, std::string message) { return {locationOf(mark), std::move(message)}; }

    const TokenTrail& trail() {
        if (!trail_)
            trail_ = tokenTrail(lines_.text(), culprit_);
        return *trail_;
    }

    // The token at the culprit as a message shows it: `world`, `"b"`, `{`, or the end of the file.
    std::string foundText() const {
        if (lines_.onlyBlankAfter(culprit_))
            return "the end of the file";
        return quoted(lines_.tokenAt(culprit_));
    }

    bool listItemAt(const TextMark& mark) const {
        const char next = lines_.charAt({mark.line, mark.column + 1});
        return lines_.charAt(mark) == '-' && (next == ' ' || next == '\t' || next == '\r' || next == '\n' || next == '\0');
    }

    TextProblem unexpectedCloser(const std::string& expected);
    std::optional<TextProblem> quotedText();
    std::optional<TextProblem> escape();
    std::optional<TextProblem> valueStart();
    std::optional<TextProblem> directive();
    std::optional<TextProblem> blockStructure();
    std::optional<TextProblem> afterValueOnItsLine();
    std::optional<TextProblem> runOnKey();
    std::optional<TextProblem> flowCollection();
    std::optional<TextProblem> runOnValue(const TrailToken& last);
    std::optional<TextProblem> missingValue();
    std::optional<TextProblem> afterDocument();
    std::optional<TextProblem> plainAndBlockText();
    TextProblem notAKey();
};

// A `]` or `}` where libyaml expected something else (`expected` says what; empty when no
// bracket is open). Whether the brackets after it balance without it, or only once the
// brackets inside the one it matches are closed, tells a bracket too many from one missing.
TextProblem Explanation::unexpectedCloser(const std::string& expected) {
    const TokenTrail& trail = this->trail();
    const char opener = openerOf(found_);
    const std::string closer = code(found_);
    const std::string tail = expected.empty() ? "" : "; expected " + expected;
    if (!trail.innermostOf(opener))
        return at(culprit_, "unexpected " + closer + ": no " + code(opener) + " is open here, so it closes nothing" + tail);
    std::vector<char> open;
    for (const OpenFlow& flow : trail.open)
        open.push_back(flow.bracket);
    const std::size_t after = lines_.offset(culprit_).value_or(lines_.text().size()) + 1;
    const bool tooMany = closesExactly(lines_.text(), after, open);
    std::vector<char> outer = open;
    while (!outer.empty() && outer.back() != opener)
        outer.pop_back();
    outer.pop_back();  // the one this closer matches
    const bool innerUnclosed = outer.empty() ? quietAfter(lines_.text(), after) : closesExactly(lines_.text(), after, outer);
    const OpenFlow& innermost = trail.open.back();
    if (innerUnclosed && !tooMany && innermost.bracket != opener)
        return at(innermost.at, "this " + code(innermost.bracket) + " is never closed: a " +
                                    code(closerOf(innermost.bracket)) + " is missing before the " + closer + " at " +
                                    placeOf(culprit_));
    if (tooMany && !innerUnclosed)
        return at(culprit_, "unexpected " + closer + ": one " + closer + " too many (the brackets balance without it)" + tail);
    return at(culprit_, "unexpected " + closer + tail);
}

// A quote never closed, or text inside double quotes that is not a valid escape.
std::optional<TextProblem> Explanation::quotedText() {
    if (context_ == "while parsing a quoted scalar")
        return escape();
    if (context_ != "while scanning a quoted scalar")
        return std::nullopt;
    const char quote = lines_.charAt(opening_) == '\'' ? '\'' : '"';
    // Point at the opening quote: that is where the teacher must look.
    if (problem_ == "found unexpected end of stream")
        return at(opening_, std::string("this quoted text never ends: the closing ") + quote + " is missing");
    if (problem_ == "found unexpected document indicator") {
        const std::string marker(lines_.lineText(culprit_.line).substr(0, 3));
        return at(culprit_, "this " + code(marker) + " is inside the quoted text that starts at " + placeOf(opening_) +
                                ": its closing " + quote + " is missing (if the " + code(marker) +
                                " belongs to the text, indent it)");
    }
    return std::nullopt;
}

std::optional<TextProblem> Explanation::escape() {
    const std::string advice = "write `\\\\` for a backslash, or use single quotes";
    if (problem_ == "found unknown escape character")  // the culprit is the backslash
        return at(culprit_, "unknown escape " + code("\\" + std::string(lines_.characterAt({culprit_.line, culprit_.column + 1}))) +
                                " in double-quoted text; " + advice);
    const bool hexMissing = problem_ == "did not find expected hexdecimal number";
    if (!hexMissing && problem_ != "found invalid Unicode character escape code")
        return std::nullopt;
    // The culprit is a digit of the escape; its backslash is at most 9 characters before.
    const std::string_view line = lines_.lineText(culprit_.line);
    const std::optional<std::size_t> culpritAt = lines_.offset(culprit_);
    const std::size_t lineStart = lines_.lineStart(culprit_.line);
    if (!culpritAt || *culpritAt < lineStart)
        return std::nullopt;
    const std::size_t backslash = line.substr(0, *culpritAt - lineStart).rfind('\\');
    if (backslash == std::string_view::npos || backslash + 1 >= line.size())
        return std::nullopt;
    const char letter = line[backslash + 1];
    const std::size_t digits = letter == 'x' ? 2 : letter == 'u' ? 4 : 8;
    const TextMark where = lines_.markAt(lineStart + backslash);
    if (hexMissing)
        return at(where, code(line.substr(backslash, 2)) + " in double-quoted text starts an escape of " +
                             std::to_string(digits) + " hex digits; " + advice);
    return at(where, code(line.substr(backslash, 2 + digits)) + " is not a Unicode character; " + advice);
}

// Characters YAML reserves at the start of a value: `@`, `` ` ``, `%`, `? `, and `&`, `*`,
// `!` when they do not make an anchor, alias or tag.
std::optional<TextProblem> Explanation::valueStart() {
    const std::string advice = "; put the text in quotes";
    if (problem_ == "found character that cannot start any token" && found_ != '\0') {
        if (found_ == '`')
            return at(culprit_, "a value cannot start with a backtick" + advice);
        return at(culprit_, "a value cannot start with " + code(lines_.characterAt(culprit_)) + advice);
    }
    if (problem_ == "mapping keys are not allowed in this context")
        return at(culprit_, "a value cannot start with `? `: YAML reads it as the start of a key" + advice);
    if (context_ == "while scanning an anchor")
        return at(opening_, "a value cannot start with `&`: YAML reads `&name` as an anchor" + advice);
    if (context_ == "while scanning an alias")
        return at(opening_, "a value cannot start with `*`: YAML reads `*name` as an alias" + advice);
    const bool scanningTag = context_ == "while scanning a tag" || context_ == "while parsing a tag";
    if (scanningTag || problem_ == "found undefined tag handle")
        return at(scanningTag ? opening_ : culprit_, "a value cannot start with `!`: YAML reads `!name` as a tag" + advice);
    return std::nullopt;
}

std::optional<TextProblem> Explanation::directive() {
    const bool aboutDirective = context_.find("directive") != std::string_view::npos ||
                                problem_.find("directive") != std::string_view::npos ||
                                problem_ == "found incompatible YAML document";
    if (!aboutDirective)
        return std::nullopt;
    const TextMark where = context_.find("directive") != std::string_view::npos ? opening_ : culprit_;
    return at({where.line, 0}, "a scenario needs no `%` directive line (such as `%YAML 1.2`); remove it");
}

// Block structure: what indentation, `- ` and `key:` say about nesting.
std::optional<TextProblem> Explanation::blockStructure() {
    if (problem_ == "mapping values are not allowed in this context") {
        if (std::optional<TextProblem> problem = runOnKey())
            return problem;
        return at(culprit_, "a `key: value` is not allowed here; check the indentation, or put text that contains "
                            "`: ` in quotes");
    }
    const bool keyExpected = problem_ == "did not find expected key" && context_ == "while parsing a block mapping";
    const bool itemExpected =
        problem_ == "did not find expected '-' indicator" && context_ == "while parsing a block collection";
    const bool listRefused = problem_ == "block sequence entries are not allowed in this context";
    if (!keyExpected && !itemExpected && !listRefused)
        return std::nullopt;
    if (isCloser(found_) && !listRefused && !trail().innermost())
        return unexpectedCloser("");
    if (std::optional<TextProblem> problem = afterValueOnItsLine())
        return problem;
    if (listRefused) {
        const std::optional<std::size_t> dash = lines_.offset(culprit_);
        const std::string_view line = lines_.lineText(culprit_.line);
        const std::size_t lineStart = lines_.lineStart(culprit_.line);
        const std::string_view before = line.substr(0, dash ? *dash - lineStart : 0);
        if (before.find(": ") != std::string_view::npos || before.find(":\t") != std::string_view::npos)
            return at(culprit_, "a list cannot start on the same line as its key: put this `- ` item on the next "
                                "line, indented under the key");
        // Only text before it on its line keeps a `- ` from starting a list.
        return at(culprit_, "a `- ` list item cannot follow other text on its line; start it on a line of its own");
    }
    if (keyExpected && listItemAt(culprit_)) {
        if (trail().listItemSeen)
            return at(culprit_, "this `- ` item does not line up with the `- ` items above it");
        if (culprit_.column == opening_.column)
            return at(culprit_, "a `- ` list item cannot stand among the keys of a mapping; put the list under a "
                                "key, indented deeper than the key");
    }
    return at(culprit_, keyExpected ? "the indentation here does not line up with the keys above it"
                                    : "the indentation here does not line up with the list items above it");
}

// Text on the line of a quoted or bracketed value, after its end: `title: "Hi" there`.
std::optional<TextProblem> Explanation::afterValueOnItsLine() {
    const std::optional<TextMark> before = lines_.previousContent(culprit_);
    if (!before || before->line != culprit_.line)
        return std::nullopt;
    const char end = lines_.charAt(*before);
    if (end == '"' || end == '\'')
        return at(culprit_, "unexpected " + foundText() + " after the closing quote; put all of the text inside "
                                                          "the quotes");
    if (isCloser(end))
        return at(culprit_, "unexpected " + foundText() + " after the closing " + code(end) + "; a `" +
                                openerOf(end) + "..." + end + "` value ends its line");
    return std::nullopt;
}

// A `key:` at the start of a line that reads as more of the text on the line above: that
// line lacks its own `:` (`- setTimeout` then `delay: 2s`), or this one is indented deeper
// than the `key: value` above it.
std::optional<TextProblem> Explanation::runOnKey() {
    const std::size_t indent = lines_.indentation(culprit_.line);
    const std::string_view line = lines_.lineText(culprit_.line);
    const std::optional<std::size_t> colon = lines_.offset(culprit_);
    const std::size_t lineStart = lines_.lineStart(culprit_.line);
    if (!colon || *colon < lineStart + indent)
        return std::nullopt;
    const std::string_view key = line.substr(indent, *colon - lineStart - indent);
    const std::optional<TextMark> above = lines_.previousContent({culprit_.line, 0});
    if (key.empty() || key.find_first_of(" \t\"'") != std::string_view::npos || !above)
        return std::nullopt;
    std::string_view text = lines_.lineText(above->line).substr(lines_.indentation(above->line));
    while (text.substr(0, 2) == "- ")
        text.remove_prefix(std::min(text.size(), text.find_first_not_of(" ", 1)));
    text = text.substr(0, text.find(" #"));
    text = text.substr(0, text.find_last_not_of(" \t") + 1);
    if (text.empty())
        return std::nullopt;
    const TextMark textStart = lines_.markAt(static_cast<std::size_t>(text.data() - lines_.text().data()));
    if (text.find(": ") != std::string_view::npos)
        return at({culprit_.line, indent}, "this line is indented deeper than the `key: value` on line " +
                                               std::to_string(above->line + 1) +
                                               ", so it reads as more of that value; line the keys up");
    if (text.find(':') == std::string_view::npos)
        return at(textStart, quoted(text) + " has no `:`, so the next line reads as more of its text; a `:` is "
                                            "missing");
    return std::nullopt;
}

// Inside `[...]` or `{...}`, where entries are separated by `,`.
std::optional<TextProblem> Explanation::flowCollection() {
    const bool list = problem_ == "did not find expected ',' or ']'" && context_ == "while parsing a flow sequence";
    const bool mapping = problem_ == "did not find expected ',' or '}'" && context_ == "while parsing a flow mapping";
    if (!list && !mapping)
        return std::nullopt;
    const char opener = list ? '[' : '{';
    const std::string neverClosed = "this " + code(opener) + " is never closed: a " + code(closerOf(opener)) + " is missing";
    if (lines_.onlyBlankAfter(culprit_))
        return at(opening_, neverClosed);
    const TokenTrail& trail = this->trail();
    // Quoted text that ran on to the next line, where its missing quote turned the rest inside out.
    if (trail.last && trail.last->quotedScalar && trail.last->start.line < trail.last->end.line)
        return at(trail.last->start, std::string("this quoted text does not end on its line: the closing ") +
                                         lines_.charAt(trail.last->start) + " is missing (it runs on to line " +
                                         std::to_string(trail.last->end.line + 1) + ")");
    if (isCloser(found_))  // the other closer: this one was expected
        return unexpectedCloser("`,` or " + code(closerOf(opener)) + " for the " + code(opener) + " at " + placeOf(opening_));
    const bool firstOnItsLine = culprit_.column == lines_.indentation(culprit_.line);
    if (found_ == ':' && firstOnItsLine)
        return at(culprit_, "a `:` must be on the same line as its key");
    // Back at the indentation of the line the bracket opened on (`main: [log: a` then
    // `title: x`): the bracket was meant to close before.
    const bool bracketAfterKey = opening_.column > lines_.indentation(opening_.line);
    if (culprit_.line > opening_.line && bracketAfterKey &&
        lines_.indentation(culprit_.line) <= lines_.indentation(opening_.line))
        return at(opening_, neverClosed);
    const std::optional<TextMark> before = lines_.previousContent(culprit_);
    const OpenFlow* open = trail.innermost();
    const bool trailAgrees = open && open->at == opening_;
    if (mapping && trailAgrees && open->entrySeen && !open->valueSeen && trail.last &&
        trail.last->type == YAML_SCALAR_TOKEN) {
        const std::optional<std::size_t> from = lines_.offset(trail.last->start);
        const std::optional<std::size_t> to = lines_.offset(trail.last->end);
        if (from && to && *to > *from)
            return at(trail.last->end,
                      "a `:` is missing after the key " + quoted(lines_.text().substr(*from, *to - *from)));
    }
    if (found_ == ':' && trail.last) {
        if (std::optional<TextProblem> problem = runOnValue(*trail.last))
            return problem;
        return at(culprit_, "a second `:` in one entry of " + code(std::string(1, opener) + "..." + closerOf(opener)) +
                                ": put text that contains `: ` in quotes, or separate entries with `,`");
    }
    if (!before)
        return std::nullopt;
    std::string message = "a `,` is missing here, before " + foundText();
    if (before->line != culprit_.line)
        message += " on line " + std::to_string(culprit_.line + 1);
    return at({before->line, before->column + 1}, message);
}

// A plain value that ran on to the next line and into its `key:`: `"a": 1` then `"b": 2`
// with no `,` between them reads as the value `1 "b"` followed by a stray `:`.
std::optional<TextProblem> Explanation::runOnValue(const TrailToken& last) {
    if (last.type != YAML_SCALAR_TOKEN || !last.plainScalar || last.start.line >= culprit_.line)
        return std::nullopt;
    const std::optional<std::size_t> from = lines_.offset(last.start);
    if (!from)
        return std::nullopt;
    std::string_view firstLine = lines_.lineText(last.start.line).substr(*from - lines_.lineStart(last.start.line));
    firstLine = firstLine.substr(0, firstLine.find_last_not_of(" \t") + 1);
    return at(lines_.markAt(*from + firstLine.size()), "a `,` is missing after " + quoted(firstLine));
}

// Where a value was expected.
std::optional<TextProblem> Explanation::missingValue() {
    if (problem_ != "did not find expected node content")
        return std::nullopt;
    const OpenFlow* open = trail().innermost();
    if (open && lines_.onlyBlankAfter(culprit_))
        return at(open->at, "this " + code(open->bracket) + " is never closed: a " + code(closerOf(open->bracket)) +
                                " is missing");
    if (isCloser(found_))
        return unexpectedCloser(open ? "a value, or a " + code(closerOf(open->bracket)) + " to close the " +
                                           code(open->bracket) + " at " + placeOf(open->at)
                                     : "");
    if (open && listItemAt(culprit_))
        return at(culprit_, "a `- ` list item cannot be inside " + code(std::string(1, open->bracket) + "..." +
                                                                         closerOf(open->bracket)) +
                                "; separate its entries with `,`");
    if (found_ == ',')
        return at(culprit_, open ? "an empty entry: expected a value before this `,`"
                                 : "a value cannot start with `,`; put the text in quotes");
    return at(culprit_, "expected a value here, found " + foundText());
}

// After the document's one value has ended.
std::optional<TextProblem> Explanation::afterDocument() {
    if (problem_ != "did not find expected <document start>")
        return std::nullopt;
    if (isCloser(found_))
        return unexpectedCloser("");
    const TokenTrail& trail = this->trail();
    if (trail.directive && !trail.documentStartSeen)
        return at({trail.directive->line, 0}, "a scenario needs no `%` directive line (such as `%YAML 1.2`); remove it");
    const std::optional<TextMark> before = lines_.previousContent(culprit_);
    if (trail.firstContent && before && before->line < culprit_.line && culprit_.column < trail.firstContent->column)
        return at(culprit_, "this line is indented less than the first line of the scenario (" +
                                placeOf(*trail.firstContent) + "); the top-level keys line up");
    if (before)
        return at(culprit_, "unexpected " + foundText() + " after the end of the scenario, which ends at " +
                                placeOf(*before));
    return std::nullopt;
}

// A key that does not end on its line, tabs and `:` in text between brackets, and the line
// of a `|` or `>` block.
std::optional<TextProblem> Explanation::plainAndBlockText() {
    if (context_ == "while scanning a simple key" && problem_ == "could not find expected ':'") {
        if (culprit_.line == opening_.line)
            return at(opening_, "this key is longer than 1024 characters, the most YAML allows");
        return notAKey();
    }
    // Tabs in indentation are refused before libyaml reads the file, but for those inside
    // brackets that span lines, which libyaml refuses only where they reach into the block
    // indentation.
    if (problem_.find("tab character") != std::string_view::npos)
        return at(culprit_, "tab in indentation; YAML indents with spaces only");
    if (context_ == "while scanning a plain scalar" && problem_ == "found unexpected ':'")
        return at(culprit_, "inside `[...]` or `{...}`, a `:` must be followed by a space (`key: value`); put text "
                            "that contains `:` in quotes");
    if (context_ == "while scanning a block scalar")
        return at(culprit_, "unexpected " + foundText() + " after " + code(lines_.characterAt(opening_)) +
                                ": only `-`, `+`, a digit from 1 to 9 or a comment may follow it on its line; the "
                                "text starts on the next line");
    return std::nullopt;
}

// A line at the indentation of a mapping's keys that is not a `key:` (libyaml looked for
// the `:` of a key that starts at opening_ and reached the next line first).
TextProblem Explanation::notAKey() {
    const std::size_t start = lines_.offset(opening_).value_or(lines_.text().size());
    std::string_view key = lines_.lineText(opening_.line);
    key = key.substr(std::min(key.size(), start - lines_.lineStart(opening_.line)));
    key = key.substr(0, key.find(" #"));
    key = key.substr(0, key.find_last_not_of(" \t") + 1);
    if (!key.empty() && (key[0] == '"' || key[0] == '\'') && key.find(key[0], 1) == std::string_view::npos)
        return at(opening_, "this key does not end with `:` on its line; a key must fit on one line");
    const std::size_t colon = key.find(':');
    if (colon != std::string_view::npos && colon + 1 < key.size() && key[colon + 1] != ' ' && key[colon + 1] != '\t')
        return at(lines_.markAt(start + colon), "a space is missing after this `:`; YAML reads " +
                                                    quoted(key.substr(0, key.find(' ', colon))) + " as one piece of text");
    const bool word = key.find_first_of(" \t:") == std::string_view::npos;
    // `main` alone on its line, then lines indented under it: `main` meant as `main:`.
    if (word && culprit_.line > opening_.line && lines_.indentation(culprit_.line) > opening_.column)
        return at(lines_.markAt(start + key.size()), "a `:` is missing after " + quoted(key));
    const std::optional<TextMark> above = lines_.previousContent({opening_.line, 0});
    if (above && lines_.charAt(*above) == ':')
        return at(opening_, "this value belongs to the `key:` on line " + std::to_string(above->line + 1) +
                                ": indent it under that key, or write it after the `:`");
    return at(opening_, "this line is indented like the keys of a mapping, but it is not a `key: value`: indent it "
                        "further if it continues the line above, or give it a `key:`");
}

}  // namespace

TextProblem explainYamlError(const yaml_parser_t& parser, std::string_view text) {
    return Explanation(parser, text).explain();
}

}  // namespace loopscope
