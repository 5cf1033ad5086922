// A scenario file's YAML as a plain tree, read with libyaml's event parser so that
// the parts a document API hides stay visible: every key with its position
// (duplicates included), whether a scalar was quoted, and aliases, which are refused
// rather than expanded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "TextProblem.h"

namespace loopscope {

struct YamlNode {
    enum class Type { Null, Scalar, Sequence, Map };
    Type type = Type::Null;
    SourceLocation where;
    bool quoted = false;             // "..." '...' | >: text, never a number or null
    std::string text;                // Scalar
    std::vector<YamlNode> children;  // Sequence: items; Map: key, value, key, value, ...

    bool isNull() const { return type == Type::Null; }
    bool isScalar() const { return type == Type::Scalar; }
    bool isSequence() const { return type == Type::Sequence; }
    bool isMap() const { return type == Type::Map; }
    std::size_t mapSize() const { return isMap() ? children.size() / 2 : 0; }
    const YamlNode& key(std::size_t i) const { return children[2 * i]; }
    const YamlNode& value(std::size_t i) const { return children[2 * i + 1]; }
};

// More values than any teaching scenario needs; bounds memory on hostile input.
constexpr std::size_t kMaxYamlValues = 250000;

struct YamlLoad {
    std::optional<YamlNode> root;  // absent when the text holds no document
    std::optional<TextProblem> problem;
};

// Parses one YAML document. Refuses aliases, a second document, quoted text that never
// closes, nesting deeper than kMaxNestingDepth and more than kMaxYamlValues values.
YamlLoad loadYamlTree(std::string_view text);

}  // namespace loopscope
