#include "TextSegmenter.h"

#include <string>
#include <vector>

#include <js/Array.h>
#include <js/Conversions.h>
#include <js/String.h>

#include "JsStrings.h"
#include "TextBoundaries.h"

namespace loopscope {

namespace {

JSObject* numberArray(JSContext* cx, const std::vector<double>& values) {
    JS::RootedObject array(cx, JS::NewArrayObject(cx, values.size()));
    if (!array)
        return nullptr;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!JS_SetElement(cx, array, std::uint32_t(i), values[i]))
            return nullptr;
    }
    return array;
}

TextGranularity granularityOf(const std::string& name) {
    if (name == "word")
        return TextGranularity::Word;
    if (name == "sentence")
        return TextGranularity::Sentence;
    return TextGranularity::Grapheme;
}

// segmentBoundaries(text, granularity, locale)
bool segmentBoundaries(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JS::RootedString text(cx, JS::ToString(cx, args.get(0)));
    if (!text)
        return false;
    const std::string granularity = args.get(1).isString() ? toUtf8(cx, args.get(1).toString()) : "grapheme";
    const std::string locale = args.get(2).isString() ? toUtf8(cx, args.get(2).toString()) : "";
    std::u16string units(JS_GetStringLength(text), u'\0');
    if (!JS_CopyStringChars(cx, mozilla::Range<char16_t>(units.data(), units.size()), text))
        return false;
    const TextBoundaries found = textBoundaries(units, granularityOf(granularity), locale);
    if (!found.error.empty()) {
        JS_ReportErrorUTF8(cx, "Internal error. Icu error: %s", found.error.c_str());
        return false;
    }
    JS::RootedObject ends(cx, numberArray(cx, std::vector<double>(found.ends.begin(), found.ends.end())));
    JS::RootedObject wordLike(cx, numberArray(cx, std::vector<double>(found.wordLike.begin(), found.wordLike.end())));
    if (!ends || !wordLike)
        return false;
    JS::RootedValueArray<2> pair(cx);
    pair[0].setObject(*ends);
    pair[1].setObject(*wordLike);
    JSObject* result = JS::NewArrayObject(cx, pair);
    if (!result)
        return false;
    args.rval().setObject(*result);
    return true;
}

const JSFunctionSpec kTextSegmenterNatives[] = {
    JS_FN("segmentBoundaries", segmentBoundaries, 3, 0),
    JS_FS_END,
};

}  // namespace

bool defineTextSegmenterNatives(JSContext* cx, JS::HandleObject natives) {
    return JS_DefineFunctions(cx, natives, kTextSegmenterNatives);
}

}  // namespace loopscope
