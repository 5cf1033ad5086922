#include "JsErrorText.h"

#include <algorithm>
#include <cctype>

#include <js/CallAndConstruct.h>
#include <js/Exception.h>
#include <js/PropertyAndElement.h>
#include <js/SavedFrameAPI.h>

#include "JavaScriptProgram.h"
#include "JsStrings.h"

namespace loopscope {

namespace {

std::string lineOf(const std::string& text, std::uint32_t line) {
    std::size_t start = 0;
    for (std::uint32_t at = 1; at < line; ++at) {
        start = text.find('\n', start);
        if (start == std::string::npos)
            return {};
        ++start;
    }
    const std::size_t end = text.find('\n', start);
    std::string found = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!found.empty() && found.back() == '\r')
        found.pop_back();
    return found;
}

// SpiderMonkey places `throw new Error()` at the expression; V8, and so Node's caret, at
// the `throw` keyword just before it.
std::size_t throwKeywordBefore(const std::string& code, std::size_t column) {
    std::size_t at = std::min(column, code.size());
    while (at > 0 && (code[at - 1] == ' ' || code[at - 1] == '\t'))
        --at;
    if (at >= 5 && code.compare(at - 5, 5, "throw") == 0 && (at == 5 || !std::isalnum(static_cast<unsigned char>(code[at - 6]))))
        return at - 5;
    return column;
}

// "file:line\nsource\n   ^\n" for the innermost frame of the program's own files.
// `atThrow`: the stack is the throw's, whose `throw` keyword Node's caret points at; else it
// is where the error was made (an unhandled rejection's), and the caret stays there.
std::string throwSite(JSContext* cx, JS::HandleObject stack, JavaScriptProgram& program, bool atThrow) {
    JS::RootedObject frame(cx, stack);
    while (frame) {
        JS::RootedString source(cx);
        JS::GetSavedFrameSource(cx, nullptr, frame, &source);
        const std::string file = toUtf8(cx, source);
        if (const std::string* text = program.sourceOf(file)) {
            std::uint32_t line = 0;
            std::uint32_t column = 0;
            JS::GetSavedFrameLine(cx, nullptr, frame, &line);
            JS::GetSavedFrameColumn(cx, nullptr, frame, &column);
            const std::string code = lineOf(*text, line);
            const std::size_t start = column > 0 ? column - 1 : 0;
            const std::size_t caret = atThrow ? throwKeywordBefore(code, start) : start;
            return file + ":" + std::to_string(line) + "\n" + code + "\n" + std::string(caret, ' ') + "^\n";
        }
        JS::RootedObject parent(cx);
        JS::GetSavedFrameParent(cx, nullptr, frame, &parent);
        frame = parent;
    }
    return {};
}

bool isWordCharacter(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

// A SyntaxError has no frame in the program's files: the error itself says where.
std::string siteOfError(JSContext* cx, JS::HandleValue error, JavaScriptProgram& program) {
    if (!error.isObject())
        return {};
    JS::RootedObject object(cx, &error.toObject());
    JS::RootedValue file(cx), line(cx), column(cx);
    if (!JS_GetProperty(cx, object, "fileName", &file) || !file.isString() ||
        !JS_GetProperty(cx, object, "lineNumber", &line) || !line.isNumber() ||
        !JS_GetProperty(cx, object, "columnNumber", &column) || !column.isNumber())
        return {};
    const std::string name = toUtf8(cx, file.toString());
    const std::string* text = program.sourceOf(name);
    if (!text)
        return {};
    const auto at = std::uint32_t(line.toNumber());
    const std::string code = lineOf(*text, at);
    // A SyntaxError's column counts from 0, a runtime error's from 1.
    JS::RootedValue kind(cx);
    const bool syntax = JS_GetProperty(cx, object, "name", &kind) && kind.isString() &&
                        toUtf8(cx, kind.toString()) == "SyntaxError";
    const std::size_t caret = std::size_t(std::max(0.0, column.toNumber() - (syntax ? 0 : 1)));
    // V8 underlines the whole token a SyntaxError stops at, and nothing at the end of the
    // input.
    std::size_t width = 1;
    if (syntax)
        while (caret + width < code.size() && isWordCharacter(code[caret + width - 1]) && isWordCharacter(code[caret + width]))
            ++width;
    if (syntax && caret >= code.size())
        width = 0;
    return name + ":" + std::to_string(at) + "\n" + code + "\n" + std::string(caret, ' ') + std::string(width, '^') + "\n";
}

// The printed stack's column for the throw site's line, which the library has placed where
// V8 would (a call at its callee, an assignment at its `=`): the caret goes under it.
std::string withStackColumn(const std::string& site, const std::string& shown) {
    const std::size_t lineEnd = site.find('\n');
    const std::size_t caretLine = site.rfind('\n', site.size() - 2);
    if (lineEnd == std::string::npos || caretLine == std::string::npos || caretLine <= lineEnd)
        return site;
    const std::string place = site.substr(0, lineEnd) + ":";
    const std::size_t found = shown.find(place);
    if (found == std::string::npos)
        return site;
    std::size_t digits = found + place.size();
    std::size_t column = 0;
    while (digits < shown.size() && std::isdigit(static_cast<unsigned char>(shown[digits])))
        column = column * 10 + std::size_t(shown[digits++] - '0');
    const std::string code = site.substr(lineEnd + 1, caretLine - lineEnd - 1);
    if (column == 0 || column > code.size() + 1 || throwKeywordBefore(code, column - 1) != column - 1)
        return site;
    return site.substr(0, caretLine + 1) + std::string(column - 1, ' ') + "^\n";
}

// An unhandled rejection is thrown again by the library (lib/internal/globals.js); Node shows
// where its error was made instead.
JSObject* siteStack(JSContext* cx, JS::HandleValue error, JS::HandleObject thrownAt) {
    if (!thrownAt || !error.isObject())
        return thrownAt;
    JS::RootedString source(cx);
    JS::GetSavedFrameSource(cx, nullptr, thrownAt, &source);
    if (!source || toUtf8(cx, source) != "node:internal/globals")
        return thrownAt;
    JS::RootedObject object(cx, &error.toObject());
    JSObject* made = JS::ExceptionStackOrNull(object);
    return made ? made : thrownAt.get();
}

// Whether an error's printed stack starts with its site ("file:line"), as one out of vm code
// does.
bool startsWithSite(const std::string& shown) {
    const std::string first = shown.substr(0, shown.find('\n'));
    const std::size_t colon = first.rfind(':');
    return first.size() != shown.size() && colon != std::string::npos && colon + 1 < first.size() &&
           first.find(": ") == std::string::npos &&
           std::all_of(first.begin() + long(colon) + 1, first.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Whether the innermost frame of `stack` is one of the library's (Node's built-in modules).
bool thrownInLibrary(JSContext* cx, JS::HandleObject stack) {
    if (!stack)
        return false;
    JS::RootedString source(cx);
    JS::GetSavedFrameSource(cx, nullptr, stack, &source);
    return source && toUtf8(cx, source).starts_with("node:");
}

// Where Node throws an error the library threw inside Node's API (lib/internal/node_api_frames.js),
// or nothing.
std::string nodeThrowHeader(JSContext* cx, JS::HandleValue error, JavaScriptProgram& program) {
    JS::RootedValue hook(cx, JS::ObjectOrNullValue(program.libraryHook("nodeThrowHeader")));
    JS::RootedValueArray<1> arguments(cx);
    arguments[0].set(error);
    JS::RootedValue header(cx);
    if (!JS::Call(cx, JS::UndefinedHandleValue, hook, arguments, &header)) {
        JS_ClearPendingException(cx);
        return {};
    }
    return header.isString() ? valueToUtf8(cx, header) : std::string();
}

// The header of an error Node's loader raised while reading a file (a syntax error, a JSON
// file that does not parse), as the library placed it; empty for any other error.
std::string loaderErrorSite(JSContext* cx, JS::HandleValue error, JavaScriptProgram& program) {
    if (!error.isObject())
        return {};
    JS::RootedValue hook(cx, JS::ObjectOrNullValue(program.libraryHook("loaderErrorSite")));
    JS::RootedValueArray<1> arguments(cx);
    arguments[0].set(error);
    JS::RootedValue site(cx);
    if (!JS::Call(cx, JS::UndefinedHandleValue, hook, arguments, &site)) {
        JS_ClearPendingException(cx);
        return {};
    }
    return site.isString() ? toUtf8(cx, site.toString()) : std::string();
}

}  // namespace

std::string errorSiteText(JSContext* cx, JS::HandleValue error, JavaScriptProgram& program) {
    if (!error.isObject())
        return {};
    JS::RootedObject object(cx, &error.toObject());
    // A SyntaxError's stack is its compiler's caller: the error itself says where.
    JS::RootedValue name(cx);
    if (JS_GetProperty(cx, object, "name", &name) && name.isString() && toUtf8(cx, name.toString()) == "SyntaxError")
        return siteOfError(cx, error, program);
    JS::RootedObject made(cx, JS::ExceptionStackOrNull(object));
    std::string site = made ? throwSite(cx, made, program, true) : std::string();
    if (site.empty())
        return siteOfError(cx, error, program);
    JS::RootedValue stack(cx);
    if (JS_GetProperty(cx, object, "stack", &stack) && stack.isString())
        site = withStackColumn(site, toUtf8(cx, stack.toString()));
    else
        JS_ClearPendingException(cx);
    return site;
}

std::string fatalExceptionText(JSContext* cx, JS::HandleValue error, JS::HandleObject stack,
                               JavaScriptProgram& program) {
    std::string text = loaderErrorSite(cx, error, program);
    const bool placedByLoader = !text.empty();
    if (!placedByLoader) {
        JS::RootedObject site(cx, siteStack(cx, error, stack));
        text = throwSite(cx, site, program, site.get() == stack.get());
        if (text.empty() || text.starts_with("node:") || thrownInLibrary(cx, site)) {
            const std::string header = nodeThrowHeader(cx, error, program);
            if (!header.empty())
                text = header;
        }
        if (text.empty())
            text = siteOfError(cx, error, program);
    }
    JS::RootedValue format(cx, JS::ObjectOrNullValue(program.libraryHook("formatFatal")));
    JS::RootedValueArray<1> arguments(cx);
    arguments[0].set(error);
    JS::RootedValue formatted(cx);
    std::string shown;
    if (JS::Call(cx, JS::UndefinedHandleValue, format, arguments, &formatted))
        shown = valueToUtf8(cx, formatted);
    else
        shown = pendingExceptionText(cx);
    // An error out of vm code carries its site on its stack already ("file:line" first, where
    // an error's stack starts with "Name: message"): Node prints it once.
    if (startsWithSite(shown))
        text.clear();
    if (!text.empty())
        text = (placedByLoader ? text : withStackColumn(text, shown)) + "\n";
    text += shown + "\n\nNode.js " + kNodeVersion;
    return text;
}

}  // namespace loopscope
