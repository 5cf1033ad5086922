#include "BrotliCodec.h"

#include <brotli/decode.h>
#include <brotli/encode.h>

#include <string>

#include "OperationFailures.h"

namespace loopscope {

namespace {

int numberOr(const std::vector<OperationValue>& arguments, std::size_t index, int fallback) {
    const auto* value = operationArgument<double>(arguments, index);
    return value ? int(*value) : fallback;
}

// The error's name as brotli 1.1.0 gives it (and Node's code shows): "_ERROR_FORMAT_PADDING_1";
// 1.0.9 leaves out the prefix, which the code's range tells.
std::string errorName(BrotliDecoderErrorCode code) {
    const std::string name = BrotliDecoderErrorString(code);
    if (name.rfind('_', 0) == 0)
        return name;
    const int number = int(code);
    const char* prefix = number >= -16                   ? "_ERROR_FORMAT_"
                         : number <= -21 && number >= -30 ? "_ERROR_ALLOC_"
                                                          : "_ERROR_";
    return prefix + name;
}

}  // namespace

OperationResult brotliCompress(const std::vector<OperationValue>& arguments) {
    const auto* data = operationArgument<Bytes>(arguments, 0);
    if (!data)
        return operationFailure("ERR_INVALID_ARG_TYPE", "wrong arguments for brotliCompress");
    const int quality = numberOr(arguments, 1, BROTLI_DEFAULT_QUALITY);
    const int window = numberOr(arguments, 2, BROTLI_DEFAULT_WINDOW);
    const int mode = numberOr(arguments, 3, BROTLI_DEFAULT_MODE);
    std::size_t size = BrotliEncoderMaxCompressedSize(data->size());
    Bytes out(size == 0 ? data->size() + 1024 : size);
    size = out.size();
    const auto encoderMode = BrotliEncoderMode(mode);
    if (!BrotliEncoderCompress(quality, window, encoderMode, data->size(), data->data(), &size, out.data())) {
        OperationError error;
        error.code = "ERR_BROTLI_COMPRESSION_FAILED";
        error.message = "Compression failed";
        return {error, {}};
    }
    out.resize(size);
    return {std::nullopt, std::move(out)};
}

OperationResult brotliDecompress(const std::vector<OperationValue>& arguments) {
    const auto* data = operationArgument<Bytes>(arguments, 0);
    if (!data)
        return operationFailure("ERR_INVALID_ARG_TYPE", "wrong arguments for brotliDecompress");
    BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    if (!state)
        return operationFailure("ERR_ZLIB_INITIALIZATION_FAILED", "Initialization failed");
    Bytes out;
    std::size_t availableIn = data->size();
    const std::uint8_t* nextIn = data->data();
    BrotliDecoderResult result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    std::uint8_t chunk[16384];
    while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
        std::size_t availableOut = sizeof chunk;
        std::uint8_t* nextOut = chunk;
        result = BrotliDecoderDecompressStream(state, &availableIn, &nextIn, &availableOut, &nextOut, nullptr);
        out.insert(out.end(), chunk, nextOut);
    }
    OperationError error;
    if (result == BROTLI_DECODER_RESULT_ERROR) {
        const BrotliDecoderErrorCode code = BrotliDecoderGetErrorCode(state);
        error.errnoValue = int(code);
        error.code = "ERR_" + errorName(code);
        error.message = "Decompression failed";
    } else if (result == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
        error.errnoValue = -5;
        error.code = "Z_BUF_ERROR";
        error.message = "unexpected end of file";
    }
    BrotliDecoderDestroyInstance(state);
    if (!error.code.empty())
        return {error, {}};
    return {std::nullopt, std::move(out)};
}

}  // namespace loopscope
