// NodeOperations' values to and from JavaScript: numbers, strings, bytes (any
// ArrayBufferView in, a Uint8Array out), directory entries, Stats fields, and errors as
// Node makes them (message, errno, code, syscall, path).
#pragma once

#include <jsapi.h>

#include "NodeOperations.h"

namespace loopscope {

// False (with an exception pending) for a value no operation takes.
bool operationValueFrom(JSContext* cx, JS::HandleValue value, OperationValue& out);
bool operationValueToJs(JSContext* cx, const OperationValue& value, JS::MutableHandleValue out);
JSObject* operationErrorToJs(JSContext* cx, const OperationError& error);

}  // namespace loopscope
