#include "FieldReader.h"

#include <algorithm>

#include "ClosestName.h"
#include "MessageText.h"
#include "QuantityText.h"
#include "Scenario.h"

namespace loopscope {
namespace {

constexpr std::string_view kDurationExample = "a duration such as 20ms, 1.5s or 250us";
constexpr std::string_view kSizeExample = "a size such as 64KiB, 1MiB or 512 (bytes)";

}  // namespace

Fields FieldReader::fieldsOf(const YamlNode& map, std::span<const std::string_view> known, std::string_view owner) {
    Fields fields;
    std::vector<std::pair<std::string_view, int>> seen;  // name, line of first use
    for (std::size_t i = 0; i < map.mapSize(); ++i) {
        const YamlNode& key = map.key(i);
        if (!key.isScalar()) {
            fail(key.where, "expected a key name, found " + describe(key));
            continue;
        }
        const auto knownName = std::find(known.begin(), known.end(), key.text);
        if (knownName == known.end()) {
            fail(key.where, unknownKey(key.text, known, owner));
            continue;
        }
        const auto first = std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == key.text; });
        if (first != seen.end()) {
            fail(key.where, "duplicate key " + quoted(key.text) + " (first given on line " +
                                std::to_string(first->second) + ")");
            continue;
        }
        seen.emplace_back(*knownName, key.where.line);
        fields.add(*knownName, {&key, &map.value(i)});
    }
    return fields;
}

std::string FieldReader::unknownKey(std::string_view name, std::span<const std::string_view> known,
                                    std::string_view owner) const {
    std::string message = "unknown key " + quoted(name);
    if (!owner.empty())
        message += " in " + quoted(owner);
    if (auto suggestion = log_.suggestion(name, known))
        return message + "; did you mean " + quoted(*suggestion) + "?";
    return message + "; expected " + listOf(known);
}

std::optional<Fields> FieldReader::optionsMap(const Field& field, std::span<const std::string_view> known,
                                              std::string_view owner) {
    if (field.value->isNull())
        return Fields{};
    if (!field.value->isMap()) {
        fail(field.value->where, "expected " + listOf(known) + " under " + quoted(owner) + ", found " +
                                     describe(*field.value));
        return std::nullopt;
    }
    return fieldsOf(*field.value, known, owner);
}

bool FieldReader::misspeltKey(const YamlNode& map, std::string_view key) {
    const std::string_view wanted[] = {key};
    for (std::size_t i = 0; i < map.mapSize(); ++i) {
        const YamlNode& given = map.key(i);
        if (given.isScalar() && given.text != key && closestName(given.text, wanted))
            return true;
    }
    return false;
}

void FieldReader::missing(const Field& owner, std::string_view key, std::string_view ownerName,
                          std::string_view expected) {
    if (misspeltKey(*owner.value, key))
        return;
    fail(owner.key->where, "missing " + quoted(std::string(key) + ":") + " in " + quoted(ownerName) + "; expected " +
                               std::string(expected));
}

std::optional<std::string> FieldReader::text(const Field& field, std::string_view name) {
    if (field.value->isNull())
        return std::string();
    if (!field.value->isScalar()) {
        fail(field.value->where, "expected text for " + quoted(name) + ", found " + describe(*field.value));
        return std::nullopt;
    }
    return field.value->text;
}

std::optional<Nanoseconds> FieldReader::duration(const Field& field, std::string_view name, Nanoseconds minimum) {
    const YamlNode& value = *field.value;
    if (value.isNull()) {
        fail(field.key->where, quoted(std::string(name) + ":") + " has no value; expected " + std::string(kDurationExample));
        return std::nullopt;
    }
    const std::string malformed = "expected " + std::string(kDurationExample) + " for " + quoted(name) + ", found " +
                                  describe(value);
    if (!value.isScalar()) {
        fail(value.where, malformed);
        return std::nullopt;
    }
    const QuantityParse parsed = parseDurationText(value.text);
    switch (parsed.problem) {
    case QuantityParse::Problem::Malformed:
        fail(value.where, malformed);
        return std::nullopt;
    case QuantityParse::Problem::Negative:
        fail(value.where, quoted(name) + " cannot be negative, found " + describe(value));
        return std::nullopt;
    case QuantityParse::Problem::TooLarge:
        break;
    case QuantityParse::Problem::None:
        if (parsed.value < minimum) {
            fail(value.where, quoted(name) + " must be greater than 0, found " + describe(value));
            return std::nullopt;
        }
        if (parsed.value <= kMaxDuration)
            return parsed.value;
        break;
    }
    fail(value.where, quoted(name) + " is limited to 1 hour (3600s), found " + describe(value));
    return std::nullopt;
}

std::optional<std::int64_t> FieldReader::integer(const Field& field, std::string_view name, std::int64_t low,
                                                 std::int64_t high, std::string_view meaning) {
    const YamlNode& value = *field.value;
    const std::string range = " from " + std::to_string(low) + " to " + std::to_string(high);
    if (value.isNull()) {
        fail(field.key->where, quoted(std::string(name) + ":") + " has no value; expected " + std::string(meaning) + range);
        return std::nullopt;
    }
    const IntegerParse parsed = value.isScalar() ? parseIntegerText(value.text) : IntegerParse{};
    if (!parsed.ok) {
        fail(value.where, "expected " + std::string(meaning) + range + " for " + quoted(name) + ", found " + describe(value));
        return std::nullopt;
    }
    if (parsed.value < low || parsed.value > high) {
        fail(value.where, quoted(name) + " must be" + range + ", found " + describe(value));
        return std::nullopt;
    }
    return parsed.value;
}

std::optional<std::int64_t> FieldReader::size(const Field& field, std::string_view name, std::int64_t low,
                                              std::int64_t high, std::string_view lowText, std::string_view highText) {
    const YamlNode& value = *field.value;
    if (value.isNull()) {
        fail(field.key->where, quoted(std::string(name) + ":") + " has no value; expected " + std::string(kSizeExample));
        return std::nullopt;
    }
    const QuantityParse parsed =
        value.isScalar() ? parseSizeText(value.text) : QuantityParse{0, QuantityParse::Problem::Malformed};
    if (parsed.problem == QuantityParse::Problem::Malformed) {
        fail(value.where, "expected " + std::string(kSizeExample) + " for " + quoted(name) + ", found " + describe(value));
        return std::nullopt;
    }
    if (!parsed.ok() || parsed.value < low || parsed.value > high) {
        fail(value.where, quoted(name) + " must be from " + std::string(lowText) + " to " + std::string(highText) +
                              ", found " + describe(value));
        return std::nullopt;
    }
    return parsed.value;
}

}  // namespace loopscope
