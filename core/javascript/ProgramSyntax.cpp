#include "ProgramSyntax.h"

#include <fstream>
#include <sstream>

#include <js/CallAndConstruct.h>
#include <js/CompilationAndEvaluation.h>
#include <js/ErrorReport.h>
#include <js/Exception.h>
#include <js/Modules.h>
#include <js/PropertyAndElement.h>
#include <js/SourceText.h>

#include "JsLibrary.h"
#include "JsStrings.h"
#include "ProgramFile.h"
#include "SpiderMonkeyContext.h"

namespace loopscope {

namespace {

constexpr std::size_t kCheckHeapBytes = 64u << 20;

// The library's rules for V8's message and place of a syntax error (lib/internal/syntax_errors.js),
// so that `check` names the place and words a run reports.
JSObject* syntaxErrorRules(JSContext* cx) {
    const JsLibraryFile* file = jsLibraryFile("internal/syntax_errors");
    if (!file)
        return nullptr;
    JS::CompileOptions options(cx);
    options.setFileAndLine("node:internal/syntax_errors", 1);
    JS::SourceText<mozilla::Utf8Unit> source;
    if (!source.init(cx, file->source.data(), file->source.size(), JS::SourceOwnership::Borrowed))
        return nullptr;
    const char* parameters[] = {"module", "exports", "require"};
    JS::RootedObjectVector scope(cx);
    JS::RootedFunction function(cx, JS::CompileFunction(cx, scope, options, "", 3, parameters, source));
    JS::RootedObject module(cx, JS_NewPlainObject(cx));
    JS::RootedObject exports(cx, JS_NewPlainObject(cx));
    if (!function || !module || !exports || !JS_DefineProperty(cx, module, "exports", exports, JSPROP_ENUMERATE))
        return nullptr;
    JS::RootedValueArray<3> arguments(cx);
    arguments[0].setObject(*module);
    arguments[1].setObject(*exports);
    JS::RootedValue result(cx);
    JS::RootedValue exported(cx);
    if (!JS_CallFunction(cx, nullptr, function, arguments, &result) || !JS_GetProperty(cx, module, "exports", &exported) ||
        !exported.isObject())
        return nullptr;
    return &exported.toObject();
}

// SpiderMonkey's report in V8's words and at V8's place; unchanged when the rules do not know it.
Diagnostic asV8Reports(JSContext* cx, JS::HandleString text, bool isModule, Diagnostic found) {
    JS::RootedObject rules(cx, syntaxErrorRules(cx));
    JS::RootedString message(cx, newString(cx, found.message));
    JS::RootedValue rule(cx);
    if (!rules || !message || !JS_GetProperty(cx, rules, "checkedSyntaxError", &rule)) {
        JS_ClearPendingException(cx);
        return found;
    }
    JS::RootedValueArray<5> arguments(cx);
    arguments[0].setString(message);
    arguments[1].setString(text);
    arguments[2].setInt32(found.line);
    arguments[3].setInt32(found.column - 1);
    arguments[4].setBoolean(isModule);
    JS::RootedValue result(cx);
    if (!JS::Call(cx, JS::UndefinedHandleValue, rule, arguments, &result) || !result.isObject()) {
        JS_ClearPendingException(cx);
        return found;
    }
    JS::RootedObject place(cx, &result.toObject());
    JS::RootedValue words(cx), line(cx), column(cx);
    if (!JS_GetElement(cx, place, 0, &words) || !words.isString() || !JS_GetElement(cx, place, 1, &line) ||
        !line.isInt32() || !JS_GetElement(cx, place, 2, &column) || !column.isInt32()) {
        JS_ClearPendingException(cx);
        return found;
    }
    return Diagnostic{found.file, line.toInt32(), column.toInt32(), toUtf8(cx, words.toString())};
}

std::optional<Diagnostic> compileError(JSContext* cx, const std::string& path, JS::HandleString text, bool isModule) {
    JS::ExceptionStack stack(cx);
    if (!JS::StealPendingExceptionStack(cx, &stack))
        return Diagnostic{path, 0, 0, "the program does not compile"};
    JS::ErrorReportBuilder report(cx);
    if (!report.init(cx, stack, JS::ErrorReportBuilder::NoSideEffects) || !report.report())
        return Diagnostic{path, 0, 0, "the program does not compile"};
    const JSErrorReport* error = report.report();
    std::string message = error->message() ? error->message().c_str() : "syntax error";
    // Syntax errors count columns from 0.
    return asV8Reports(cx, text, isModule, Diagnostic{path, int(error->lineno), int(error->column) + 1, message});
}

}  // namespace

std::optional<Diagnostic> checkProgramSyntax(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Diagnostic{path, 0, 0, "cannot read the program"};
    std::ostringstream read;
    read << in.rdbuf();
    std::string source = read.str();
    if (source.rfind("#!", 0) == 0)
        source.replace(0, 2, "//");
    SpiderMonkeyContext engine(kCheckHeapBytes);
    JSContext* cx = engine.cx();
    JSAutoRealm realm(cx, engine.global());
    JS::RootedString text(cx, newString(cx, source));
    if (!text)
        return Diagnostic{path, 0, 0, "the program is not UTF-8 text"};
    std::u16string units(JS_GetStringLength(text), u'\0');
    if (!JS_CopyStringChars(cx, mozilla::Range<char16_t>(units.data(), units.size()), text))
        return Diagnostic{path, 0, 0, "the program cannot be read as text"};
    JS::SourceText<char16_t> buffer;
    if (!buffer.init(cx, units.data(), units.size(), JS::SourceOwnership::Borrowed))
        return Diagnostic{path, 0, 0, "out of memory"};
    JS::CompileOptions options(cx);
    if (programScenario(path).runtime.module == ModuleKind::Esm) {
        options.setFileAndLine(path.c_str(), 1);
        JS::RootedObject module(cx, JS::CompileModule(cx, options, buffer));
        return module ? std::nullopt : compileError(cx, path, text, true);
    }
    // Node's wrapper: the same five parameters, the file's own lines (see JsNatives).
    options.setFileAndLine(path.c_str(), 0);
    const char* parameters[] = {"exports", "require", "module", "__filename", "__dirname"};
    JS::RootedObjectVector scope(cx);
    JSFunction* function = JS::CompileFunction(cx, scope, options, "", 5, parameters, buffer);
    return function ? std::nullopt : compileError(cx, path, text, false);
}

}  // namespace loopscope
