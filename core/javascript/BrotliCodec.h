// zlib's brotliCompress / brotliDecompress over libbrotli (Debian's 1.0.9; Node 20 bundles
// 1.1.0, whose output for the same input and parameters can differ in bytes but decodes the
// same). A failure is worded as Node's: "Decompression failed" with code ERR_<brotli's name
// for the error> and its number, or "unexpected end of file" (Z_BUF_ERROR) for input that
// stops early.
#pragma once

#include <vector>

#include "NodeOperations.h"

namespace loopscope {

// brotliCompress(bytes, quality, lgwin, mode, sizeHint) -> bytes
OperationResult brotliCompress(const std::vector<OperationValue>& arguments);
// brotliDecompress(bytes) -> bytes
OperationResult brotliDecompress(const std::vector<OperationValue>& arguments);

}  // namespace loopscope
