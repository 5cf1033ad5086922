#include "OperationFailures.h"

#include <cctype>

#include <openssl/err.h>
#include <uv.h>

namespace loopscope {

OperationResult operationFailure(std::string code, std::string message) {
    OperationError error;
    error.code = std::move(code);
    error.message = std::move(message);
    return {error, {}};
}

OperationResult fsFailure(int code, const char* syscall, const std::string& path, const std::string& dest) {
    OperationError error;
    error.errnoValue = code;
    char name[64];
    char description[256];
    error.code = uv_err_name_r(code, name, sizeof name);
    error.syscall = syscall;
    error.path = path;
    error.dest = dest;
    error.message = error.code + ": " + uv_strerror_r(code, description, sizeof description) + ", " + syscall;
    if (!path.empty())
        error.message += " '" + path + "'";
    if (!dest.empty())
        error.message += " -> '" + dest + "'";
    return {error, {}};
}

OperationResult opensslFailure(const char* fallback) {
    const unsigned long packed = ERR_peek_last_error();
    ERR_clear_error();
    if (packed == 0)
        return operationFailure("ERR_CRYPTO_OPERATION_FAILED", fallback);
    char text[256];
    ERR_error_string_n(packed, text, sizeof text);
    std::string code = "ERR_OSSL_";
    if (const char* reason = ERR_reason_error_string(packed))
        for (const char* c = reason; *c; ++c)
            code += *c == ' ' ? '_' : char(std::toupper(static_cast<unsigned char>(*c)));
    return operationFailure(code, text);
}

}  // namespace loopscope
