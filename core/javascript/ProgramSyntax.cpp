#include "ProgramSyntax.h"

#include <fstream>
#include <sstream>

#include <js/CompilationAndEvaluation.h>
#include <js/ErrorReport.h>
#include <js/Exception.h>
#include <js/Modules.h>
#include <js/SourceText.h>

#include "JsStrings.h"
#include "ProgramFile.h"
#include "SpiderMonkeyContext.h"

namespace loopscope {

namespace {

constexpr std::size_t kCheckHeapBytes = 64u << 20;

std::optional<Diagnostic> compileError(JSContext* cx, const std::string& path) {
    JS::ExceptionStack stack(cx);
    if (!JS::StealPendingExceptionStack(cx, &stack))
        return Diagnostic{path, 0, 0, "the program does not compile"};
    JS::ErrorReportBuilder report(cx);
    if (!report.init(cx, stack, JS::ErrorReportBuilder::NoSideEffects) || !report.report())
        return Diagnostic{path, 0, 0, "the program does not compile"};
    const JSErrorReport* error = report.report();
    std::string message = error->message() ? error->message().c_str() : "syntax error";
    // Syntax errors count columns from 0.
    return Diagnostic{path, int(error->lineno), int(error->column) + 1, message};
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
        return module ? std::nullopt : compileError(cx, path);
    }
    // Node's wrapper: the same five parameters, the file's own lines (see JsNatives).
    options.setFileAndLine(path.c_str(), 0);
    const char* parameters[] = {"exports", "require", "module", "__filename", "__dirname"};
    JS::RootedObjectVector scope(cx);
    JSFunction* function = JS::CompileFunction(cx, scope, options, "", 5, parameters, buffer);
    return function ? std::nullopt : compileError(cx, path);
}

}  // namespace loopscope
