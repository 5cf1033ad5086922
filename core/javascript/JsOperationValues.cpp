#include "JsOperationValues.h"

#include <cstdlib>
#include <cstring>

#include <js/Array.h>
#include <js/ArrayBuffer.h>
#include <js/CallAndConstruct.h>
#include <js/Exception.h>
#include <js/PropertyAndElement.h>
#include <js/experimental/TypedData.h>

#include "JsStrings.h"

namespace loopscope {

bool operationValueFrom(JSContext* cx, JS::HandleValue value, OperationValue& out) {
    if (value.isNullOrUndefined()) {
        out = std::monostate{};
    } else if (value.isNumber()) {
        out = value.toNumber();
    } else if (value.isString()) {
        out = toUtf8(cx, value.toString());
    } else if (value.isObject() && JS_IsArrayBufferViewObject(&value.toObject())) {
        JSObject* view = &value.toObject();
        const std::size_t length = JS_GetArrayBufferViewByteLength(view);
        Bytes bytes(length);
        bool shared = false;
        JS::AutoCheckCannotGC noGC;
        const void* data = JS_GetArrayBufferViewData(view, &shared, noGC);
        if (length > 0)
            std::memcpy(bytes.data(), data, length);
        out = std::move(bytes);
    } else {
        JS_ReportErrorASCII(cx, "an operation was given a value it does not take");
        return false;
    }
    return true;
}

namespace {

bool setNumber(JSContext* cx, JS::HandleObject object, const char* name, double number) {
    JS::RootedValue value(cx, JS::NumberValue(number));
    return JS_SetProperty(cx, object, name, value);
}

bool setString(JSContext* cx, JS::HandleObject object, const char* name, const std::string& text) {
    JS::RootedValue value(cx, JS::StringValue(newString(cx, text)));
    return JS_SetProperty(cx, object, name, value);
}

JSObject* bytesToJs(JSContext* cx, const Bytes& bytes) {
    void* contents = std::malloc(bytes.empty() ? 1 : bytes.size());
    if (!contents)
        return nullptr;
    if (!bytes.empty())
        std::memcpy(contents, bytes.data(), bytes.size());
    JS::RootedObject buffer(cx, JS::NewArrayBufferWithContents(cx, bytes.size(), contents));
    if (!buffer) {
        std::free(contents);
        return nullptr;
    }
    return JS_NewUint8ArrayWithBuffer(cx, buffer, 0, std::int64_t(bytes.size()));
}

JSObject* addressesToJs(JSContext* cx, const std::vector<ResolvedAddress>& addresses) {
    JS::RootedValueVector list(cx);
    for (const ResolvedAddress& address : addresses) {
        JS::RootedObject entry(cx, JS_NewPlainObject(cx));
        if (!entry || !setString(cx, entry, "address", address.address) || !setNumber(cx, entry, "family", address.family) ||
            !list.append(JS::ObjectValue(*entry)))
            return nullptr;
    }
    return JS::NewArrayObject(cx, list);
}

JSObject* statusToJs(JSContext* cx, const FileStatus& s) {
    JS::RootedObject object(cx, JS_NewPlainObject(cx));
    if (!object)
        return nullptr;
    const std::pair<const char*, double> fields[] = {
        {"dev", s.dev}, {"mode", s.mode}, {"nlink", s.nlink}, {"uid", s.uid}, {"gid", s.gid}, {"rdev", s.rdev},
        {"blksize", s.blksize}, {"ino", s.ino}, {"size", s.size}, {"blocks", s.blocks}, {"atimeMs", s.atimeMs},
        {"mtimeMs", s.mtimeMs}, {"ctimeMs", s.ctimeMs}, {"birthtimeMs", s.birthtimeMs}};
    for (const auto& [name, number] : fields)
        if (!setNumber(cx, object, name, number))
            return nullptr;
    return object;
}

JSObject* entriesToJs(JSContext* cx, const std::vector<DirectoryEntry>& entries) {
    JS::RootedValueVector list(cx);
    for (const DirectoryEntry& entry : entries) {
        JS::RootedValueArray<2> pair(cx);
        pair[0].setString(newString(cx, entry.name));
        pair[1].setInt32(entry.type);
        JSObject* array = JS::NewArrayObject(cx, pair);
        if (!array || !list.append(JS::ObjectValue(*array)))
            return nullptr;
    }
    return JS::NewArrayObject(cx, list);
}

}  // namespace

bool operationValueToJs(JSContext* cx, const OperationValue& value, JS::MutableHandleValue out) {
    JSObject* object = nullptr;
    if (std::holds_alternative<std::monostate>(value)) {
        out.setUndefined();
        return true;
    }
    if (const double* number = std::get_if<double>(&value)) {
        out.setNumber(*number);
        return true;
    }
    if (const std::string* text = std::get_if<std::string>(&value)) {
        JSString* string = newString(cx, *text);
        if (!string)
            return false;
        out.setString(string);
        return true;
    }
    if (const Bytes* bytes = std::get_if<Bytes>(&value))
        object = bytesToJs(cx, *bytes);
    else if (const auto* entries = std::get_if<std::vector<DirectoryEntry>>(&value))
        object = entriesToJs(cx, *entries);
    else if (const FileStatus* status = std::get_if<FileStatus>(&value))
        object = statusToJs(cx, *status);
    else if (const auto* addresses = std::get_if<std::vector<ResolvedAddress>>(&value))
        object = addressesToJs(cx, *addresses);
    if (!object)
        return false;
    out.setObject(*object);
    return true;
}

JSObject* operationErrorToJs(JSContext* cx, const OperationError& error) {
    // `new Error(message)` from the global, as Node's own errors are made.
    JS::RootedObject global(cx, JS::CurrentGlobalOrNull(cx));
    JS::RootedValue constructor(cx);
    JS::RootedValueArray<1> message(cx);
    message[0].setString(newString(cx, error.message));
    JS::RootedObject object(cx);
    if (!global || !JS_GetProperty(cx, global, "Error", &constructor) ||
        !JS::Construct(cx, constructor, message, &object))
        return nullptr;
    if (error.errnoValue != 0 && !setNumber(cx, object, "errno", error.errnoValue))
        return nullptr;
    if (!setString(cx, object, "code", error.code))
        return nullptr;
    if (!error.syscall.empty() && !setString(cx, object, "syscall", error.syscall))
        return nullptr;
    if (!error.path.empty() && !setString(cx, object, "path", error.path))
        return nullptr;
    if (!error.dest.empty() && !setString(cx, object, "dest", error.dest))
        return nullptr;
    return object;
}

}  // namespace loopscope
