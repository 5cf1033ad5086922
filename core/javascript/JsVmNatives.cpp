#include "JsVmNatives.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include <js/CompilationAndEvaluation.h>
#include <js/Conversions.h>
#include <js/Exception.h>
#include <js/ScriptPrivate.h>
#include <js/SourceText.h>
#include <js/String.h>

#include "CpuBurn.h"
#include "JavaScriptProgram.h"
#include "JsErrorText.h"
#include "JsStrings.h"
#include "JsWatchdog.h"

namespace loopscope {

namespace {

const JSClass kContextGlobalClass = {"global", JSCLASS_GLOBAL_FLAGS, &JS::DefaultGlobalClassOps, nullptr, nullptr, nullptr};

// newContextGlobal() -> a fresh global with its own built-ins, in the program's compartment.
bool newContextGlobal(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JS::RootedObject programGlobal(cx, JavaScriptProgram::of(cx).global());
    JS::RealmOptions options;
    options.creationOptions()
        .setExistingCompartment(programGlobal)
        .setSharedMemoryAndAtomicsEnabled(true)
        .setWeakRefsEnabled(JS::WeakRefSpecifier::EnabledWithoutCleanupSome)
        .setPropertyErrorMessageFixEnabled(true);
    JS::RootedObject global(cx, JS_NewGlobalObject(cx, &kContextGlobalClass, nullptr, JS::FireOnNewGlobalHook, options));
    if (!global)
        return false;
    {
        JSAutoRealm realm(cx, global);
        if (!JS::InitRealmStandardClasses(cx))
            return false;
    }
    args.rval().setObject(*global);
    return true;
}

struct ScriptText {
    std::u16string units;
    std::string file;
    unsigned line = 1;
    unsigned column = 0;
};

// (code, filename, lineOffset, columnOffset) from the arguments; the code is remembered
// under its filename, moved down by the line offset, for the source line of its errors.
bool readScript(JSContext* cx, const JS::CallArgs& args, ScriptText& script) {
    JS::RootedString text(cx, JS::ToString(cx, args.get(0)));
    if (!text)
        return false;
    script.units.resize(JS_GetStringLength(text));
    if (!JS_CopyStringChars(cx, mozilla::Range<char16_t>(script.units.data(), script.units.size()), text))
        return false;
    script.file = stringArgument(cx, args, 1);
    const double lineOffset = args.get(2).isNumber() ? args[2].toNumber() : 0;
    const double columnOffset = args.get(3).isNumber() ? args[3].toNumber() : 0;
    script.line = unsigned(std::max(0.0, lineOffset)) + 1;
    script.column = unsigned(std::max(0.0, columnOffset));
    JavaScriptProgram::of(cx).rememberSource(script.file, std::string(script.line - 1, '\n') + toUtf8(cx, text));
    return true;
}

// checkScript(code, filename, lineOffset, columnOffset): throws the SyntaxError that
// compiling it throws (new vm.Script compiles at once).
bool checkScript(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    ScriptText script;
    if (!readScript(cx, args, script))
        return false;
    JS::CompileOptions options(cx);
    options.setFileAndLine(script.file.c_str(), script.line).setColumn(script.column);
    JS::SourceText<char16_t> source;
    if (!source.init(cx, script.units.data(), script.units.size(), JS::SourceOwnership::Borrowed))
        return false;
    if (!JS::Compile(cx, options, source))
        return false;
    args.rval().setUndefined();
    return true;
}

// runScript(code, filename, lineOffset, columnOffset, global, timeoutMs) -> the completion
// value of the code run as a script of `global`. With a timeout, a script still running
// then is stopped (uncatchably, inside it) and the caller gets Node's error.
bool runScript(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    JavaScriptProgram& program = JavaScriptProgram::of(cx);
    ScriptText script;
    if (!readScript(cx, args, script))
        return false;
    if (!args.get(4).isObject())
        return throwError(cx, "runScript needs a global");
    JS::RootedObject global(cx, &args[4].toObject());
    const double timeout = args.get(5).isNumber() ? args[5].toNumber() : 0;
    // The timeout's error is made in the code's global, as V8 makes it.
    JSAutoRealm realm(cx, global);
    JS::CompileOptions options(cx);
    options.setFileAndLine(script.file.c_str(), script.line).setColumn(script.column);
    JS::SourceText<char16_t> source;
    if (!source.init(cx, script.units.data(), script.units.size(), JS::SourceOwnership::Borrowed))
        return false;
    JS::RootedScript compiled(cx, JS::Compile(cx, options, source));
    if (!compiled)
        return false;
    JS::SetScriptPrivate(compiled, JS::StringValue(newString(cx, kVmScriptReferrer)));
    if (timeout <= 0)
        return JS_ExecuteScript(cx, compiled, args.rval());
    const Nanoseconds deadline = steadyNow() + Nanoseconds(timeout * 1e6);
    const Nanoseconds outer = program.swapScriptDeadline(deadline);
    bool ran = false;
    {
        JsWatchdog watchdog(cx, deadline);
        ran = JS_ExecuteScript(cx, compiled, args.rval());
    }
    program.swapScriptDeadline(outer);
    if (ran || JS_IsExceptionPending(cx) || !program.takeScriptTimeout())
        return ran;
    char milliseconds[32];
    std::snprintf(milliseconds, sizeof milliseconds, "%.15g", timeout);
    return throwError(cx, std::string("Script execution timed out after ") + milliseconds + "ms",
                      "ERR_SCRIPT_EXECUTION_TIMEOUT");
}

// errorSite(error) -> "file:line\nsource line\n   ^\n" for where a script made its error (as
// Node puts on the stack of an error thrown out of vm code), or undefined.
bool errorSite(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    const std::string site = errorSiteText(cx, args.get(0), JavaScriptProgram::of(cx));
    if (site.empty())
        args.rval().setUndefined();
    else
        args.rval().setString(newString(cx, site));
    return true;
}

const JSFunctionSpec kVmNatives[] = {
    JS_FN("newContextGlobal", newContextGlobal, 0, 0),
    JS_FN("checkScript", checkScript, 4, 0),
    JS_FN("runScript", runScript, 6, 0),
    JS_FN("errorSite", errorSite, 1, 0),
    JS_FS_END,
};

}  // namespace

bool defineVmNatives(JSContext* cx, JS::HandleObject natives) {
    return JS_DefineFunctions(cx, natives, kVmNatives);
}

}  // namespace loopscope
