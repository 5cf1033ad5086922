#include "MessageText.h"

namespace loopscope {

std::string shortened(std::string_view text) {
    constexpr std::size_t kShown = 40;
    text = text.substr(0, text.find('\n'));
    if (text.size() <= kShown)
        return std::string(text);
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;  // do not split a UTF-8 character
    return std::string(text.substr(0, cut)) + "...";
}

std::string quoted(std::string_view name) { return "`" + shortened(name) + "`"; }

std::string listOf(std::span<const std::string_view> names) {
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            list += i + 1 == names.size() ? " or " : ", ";
        list += quoted(names[i]);
    }
    return list;
}

std::string describe(const YamlNode& node) {
    switch (node.type) {
    case YamlNode::Type::Null: return "nothing";
    case YamlNode::Type::Sequence: return "a list";
    case YamlNode::Type::Map: return "a mapping (`key: value` pairs)";
    case YamlNode::Type::Scalar: break;
    }
    std::string text = shortened(node.text);
    if (text.size() < node.text.size() && text.size() >= 3 && text.compare(text.size() - 3, 3, "...") != 0)
        text += "...";  // a second line was cut
    return "`" + text + "`";
}

}  // namespace loopscope
