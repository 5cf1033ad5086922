// crypto.createCipheriv / createDecipheriv: OpenSSL cipher contexts kept across update()
// calls, numbered so that the program holds only the number (as ZlibStreams). They run on
// the loop thread, as Node's ciphers do; any thread may call.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "NodeOperations.h"

namespace loopscope {

class CipherContext;

class CipherContexts {
public:
    static CipherContexts& instance();

    // A number from 1; errors say "unknown cipher", "invalid key length" or "invalid iv"
    // in `code` (the library words them as Node does). `hasIv` false: Node's null iv.
    OperationResult create(const std::string& name, const Bytes& key, bool hasIv, const Bytes& iv, bool encrypt,
                           int authTagLength);
    OperationResult update(std::uint64_t id, const Bytes& input);
    OperationResult final(std::uint64_t id);
    OperationResult setAutoPadding(std::uint64_t id, bool padding);
    OperationResult setAAD(std::uint64_t id, const Bytes& data);
    OperationResult authTag(std::uint64_t id);
    OperationResult setAuthTag(std::uint64_t id, const Bytes& tag);
    void free(std::uint64_t id);

    // The names crypto.getCiphers() lists, sorted.
    static std::vector<std::string> names();

private:
    std::shared_ptr<CipherContext> find(std::uint64_t id);

    std::mutex mutex_;
    std::uint64_t next_ = 1;
    std::unordered_map<std::uint64_t, std::shared_ptr<CipherContext>> contexts_;
};

}  // namespace loopscope
