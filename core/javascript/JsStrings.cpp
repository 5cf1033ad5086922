#include "JsStrings.h"

#include <js/Array.h>
#include <js/CharacterEncoding.h>
#include <js/Conversions.h>
#include <js/Exception.h>
#include <js/PropertyAndElement.h>
#include <js/String.h>

namespace loopscope {

std::string toUtf8(JSContext* cx, JSString* text) {
    if (!text)
        return {};
    JS::RootedString rooted(cx, text);
    JSLinearString* linear = JS_EnsureLinearString(cx, rooted);
    if (!linear)
        return {};
    std::string out(JS::GetDeflatedUTF8StringLength(linear), '\0');
    if (!JS_EncodeStringToUTF8BufferPartial(cx, rooted, mozilla::Span<char>(out.data(), out.size())))
        return {};
    return out;
}

std::string valueToUtf8(JSContext* cx, JS::HandleValue value) {
    JS::RootedString text(cx, JS::ToString(cx, value));
    if (!text) {
        JS_ClearPendingException(cx);
        return "[value that cannot be converted to a string]";
    }
    return toUtf8(cx, text);
}

JSString* newString(JSContext* cx, std::string_view utf8) {
    return JS_NewStringCopyUTF8N(cx, JS::UTF8Chars(utf8.data(), utf8.size()));
}

std::string pendingExceptionText(JSContext* cx) {
    JS::RootedValue exception(cx);
    if (!JS_GetPendingException(cx, &exception))
        return "an uncatchable error";
    JS_ClearPendingException(cx);
    std::string text = valueToUtf8(cx, exception);
    if (exception.isObject()) {
        JS::RootedObject error(cx, &exception.toObject());
        JS::RootedValue stack(cx);
        if (JS_GetProperty(cx, error, "stack", &stack) && stack.isString())
            text += "\n" + valueToUtf8(cx, stack);
    }
    return text;
}

std::string stringArgument(JSContext* cx, const JS::CallArgs& args, unsigned index) {
    return index < args.length() ? valueToUtf8(cx, args[index]) : std::string();
}

double numberArgument(JSContext* cx, const JS::CallArgs& args, unsigned index) {
    double number = 0;
    if (index >= args.length() || !JS::ToNumber(cx, args[index], &number))
        return 0;
    return number;
}

bool throwError(JSContext* cx, const std::string& message, const char* code) {
    // An Error made by the engine for the running script (its stack is the caller's).
    JS_ReportErrorUTF8(cx, "%s", message.c_str());
    JS::RootedValue error(cx);
    if (code && JS_GetPendingException(cx, &error) && error.isObject()) {
        JS_ClearPendingException(cx);
        JS::RootedObject object(cx, &error.toObject());
        JS::RootedValue codeValue(cx, JS::StringValue(newString(cx, code)));
        JS_SetProperty(cx, object, "code", codeValue);
        JS_SetPendingException(cx, error);
    }
    return false;
}

bool throwListenError(JSContext* cx, const std::string& what) {
    auto says = [&what](const char* name, const char* text) {
        return what.find(name) != std::string::npos || what.find(text) != std::string::npos;
    };
    const char* code = says("EADDRINUSE", "address already in use") ? "EADDRINUSE"
                       : says("EACCES", "permission denied")        ? "EACCES"
                                                                    : "ERR_SERVER_LISTEN";
    return throwError(cx, what, code);
}

bool readStringList(JSContext* cx, JS::HandleValue value, std::vector<std::string>& out) {
    if (!value.isObject())
        return true;
    JS::RootedObject list(cx, &value.toObject());
    std::uint32_t length = 0;
    if (!JS::GetArrayLength(cx, list, &length))
        return false;
    JS::RootedValue item(cx);
    for (std::uint32_t at = 0; at < length; ++at) {
        if (!JS_GetElement(cx, list, at, &item))
            return false;
        out.push_back(valueToUtf8(cx, item));
    }
    return true;
}

}  // namespace loopscope
