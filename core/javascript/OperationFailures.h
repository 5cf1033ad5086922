// What NodeOperations and its stateful helpers (CipherContexts, AsymmetricKeys, ZlibStreams)
// share: reading an operation's arguments, and failing with a code and a message that the
// library words as Node does.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "NodeOperations.h"

namespace loopscope {

// The argument at `index` when it is a T, else null.
template <typename T>
const T* operationArgument(const std::vector<OperationValue>& arguments, std::size_t index) {
    return index < arguments.size() ? std::get_if<T>(&arguments[index]) : nullptr;
}

OperationResult operationFailure(std::string code, std::string message);

// A libuv file-system error as Node words it: "ENOENT: no such file or directory, open 'x'".
OperationResult fsFailure(int code, const char* syscall, const std::string& path, const std::string& dest = {});

// OpenSSL's last error as Node shows it: "error:1C800064:Provider routines::bad decrypt" with
// code ERR_OSSL_BAD_DECRYPT; `fallback` when OpenSSL has none.
OperationResult opensslFailure(const char* fallback);

}  // namespace loopscope
