#include "JsProcessNatives.h"

#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <vector>

#include <js/Array.h>
#include <js/GCAPI.h>
#include <uv.h>

#include "JsStrings.h"

namespace loopscope {

namespace {

bool setNumbers(JSContext* cx, const JS::CallArgs& args, const std::vector<double>& numbers) {
    JS::RootedValueVector items(cx);
    for (double number : numbers)
        if (!items.append(JS::NumberValue(number)))
            return false;
    JSObject* array = JS::NewArrayObject(cx, items);
    if (!array)
        return false;
    args.rval().setObject(*array);
    return true;
}

// chdir(path) -> 0 or a libuv error (negative).
bool chdir(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    args.rval().setInt32(uv_chdir(stringArgument(cx, args, 0).c_str()));
    return true;
}

// cwd() -> the current directory ('' when it cannot be read).
bool cwd(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    char path[PATH_MAX];
    size_t size = sizeof path;
    JSString* text = newString(cx, uv_cwd(path, &size) == 0 ? std::string_view(path, size) : std::string_view());
    if (!text)
        return false;
    args.rval().setString(text);
    return true;
}

// umask(mask or -1) -> the mask before; -1 leaves it as it is.
bool umask(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    const double wanted = numberArgument(cx, args, 0);
    const mode_t before = ::umask(wanted < 0 ? 0 : mode_t(wanted));
    if (wanted < 0)
        ::umask(before);
    args.rval().setInt32(int(before));
    return true;
}

// userIds() -> [uid, euid, gid, egid]
bool userIds(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    return setNumbers(cx, args, {double(getuid()), double(geteuid()), double(getgid()), double(getegid())});
}

// resourceUsage() -> getrusage's sixteen figures in process.resourceUsage()'s order.
bool resourceUsage(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    uv_rusage_t usage{};
    uv_getrusage(&usage);
    const auto micros = [](const uv_timeval_t& time) { return double(time.tv_sec) * 1e6 + double(time.tv_usec); };
    return setNumbers(cx, args,
                      {micros(usage.ru_utime), micros(usage.ru_stime), double(usage.ru_maxrss), double(usage.ru_ixrss),
                       double(usage.ru_idrss), double(usage.ru_isrss), double(usage.ru_minflt), double(usage.ru_majflt),
                       double(usage.ru_nswap), double(usage.ru_inblock), double(usage.ru_oublock),
                       double(usage.ru_msgsnd), double(usage.ru_msgrcv), double(usage.ru_nsignals),
                       double(usage.ru_nvcsw), double(usage.ru_nivcsw)});
}

// systemErrorCodes() -> every libuv error number (util.getSystemErrorMap's keys).
bool systemErrorCodes(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    std::vector<double> codes;
#define LOOPSCOPE_ERROR_CODE(name, _) codes.push_back(double(UV_##name));
    UV_ERRNO_MAP(LOOPSCOPE_ERROR_CODE)
#undef LOOPSCOPE_ERROR_CODE
    return setNumbers(cx, args, codes);
}

// heapCounters() -> SpiderMonkey's GC figures: [bytes in GC things, the heap's limit, GC chunks
// allocated, bytes a chunk, nursery bytes, major GCs, minor GCs] (v8.getHeapStatistics).
bool heapCounters(JSContext* cx, unsigned argc, JS::Value* vp) {
    JS::CallArgs args = JS::CallArgsFromVp(argc, vp);
    std::vector<double> counters;
    for (JSGCParamKey key : {JSGC_BYTES, JSGC_MAX_BYTES, JSGC_TOTAL_CHUNKS, JSGC_CHUNK_BYTES, JSGC_NURSERY_BYTES,
                             JSGC_MAJOR_GC_NUMBER, JSGC_MINOR_GC_NUMBER})
        counters.push_back(double(JS_GetGCParameter(cx, key)));
    return setNumbers(cx, args, counters);
}

const JSFunctionSpec kProcessNatives[] = {
    JS_FN("heapCounters", heapCounters, 0, 0),
    JS_FN("chdir", chdir, 1, 0),
    JS_FN("cwd", cwd, 0, 0),
    JS_FN("umask", umask, 1, 0),
    JS_FN("userIds", userIds, 0, 0),
    JS_FN("resourceUsage", resourceUsage, 0, 0),
    JS_FN("systemErrorCodes", systemErrorCodes, 0, 0),
    JS_FS_END,
};

}  // namespace

bool defineProcessNatives(JSContext* cx, JS::HandleObject natives) {
    return JS_DefineFunctions(cx, natives, kProcessNatives);
}

}  // namespace loopscope
