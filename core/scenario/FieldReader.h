// The keys of a scenario's mappings and their plain values (text, durations, whole
// numbers, sizes), each checked and each problem reported to a ProblemLog.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ProblemLog.h"
#include "Time.h"
#include "YamlTree.h"

namespace loopscope {

// One `key: value` of a mapping.
struct Field {
    const YamlNode* key = nullptr;
    const YamlNode* value = nullptr;
    explicit operator bool() const { return key != nullptr; }
};

// The known keys a mapping gave, by name; an absent key reads as an empty Field.
class Fields {
public:
    void add(std::string_view name, Field field) { fields_.emplace_back(name, field); }
    Field operator[](std::string_view name) const {
        for (const auto& [known, field] : fields_)
            if (known == name)
                return field;
        return {};
    }

private:
    std::vector<std::pair<std::string_view, Field>> fields_;
};

class FieldReader {
public:
    explicit FieldReader(ProblemLog& log) : log_(log) {}

    ProblemLog& log() { return log_; }
    void fail(SourceLocation where, std::string message) { log_.fail(where, std::move(message)); }

    // The keys of `map` that are in `known`; reports the others, duplicates and non-text keys.
    // `owner` names the map in messages ("in `setTimeout`"), empty at the top level.
    Fields fieldsOf(const YamlNode& map, std::span<const std::string_view> known, std::string_view owner);

    // Reads a map that may be written as nothing (`setImmediate:`), meaning "no options".
    std::optional<Fields> optionsMap(const Field& field, std::span<const std::string_view> known, std::string_view owner);

    // True when `map` holds a misspelling of `key`, which is reported as an unknown key with
    // "did you mean"; saying that `key` is missing too would put the less helpful message first.
    static bool misspeltKey(const YamlNode& map, std::string_view key);

    // Reports that `owner` lacks `key:`, unless it holds a misspelling of it.
    void missing(const Field& owner, std::string_view key, std::string_view ownerName, std::string_view expected);

    std::optional<std::string> text(const Field& field, std::string_view name);
    // At least `minimum`, at most kMaxDuration.
    std::optional<Nanoseconds> duration(const Field& field, std::string_view name, Nanoseconds minimum = 0);
    std::optional<std::int64_t> integer(const Field& field, std::string_view name, std::int64_t low, std::int64_t high,
                                        std::string_view meaning = "a whole number");
    // In bytes; the limits are named in messages as `lowText` and `highText` ("16KiB").
    std::optional<std::int64_t> size(const Field& field, std::string_view name, std::int64_t low, std::int64_t high,
                                     std::string_view lowText, std::string_view highText);

private:
    ProblemLog& log_;

    std::string unknownKey(std::string_view name, std::span<const std::string_view> known, std::string_view owner) const;
};

}  // namespace loopscope
