#include "CipherContexts.h"

#include "OperationFailures.h"

#include <openssl/err.h>
#include <openssl/evp.h>

namespace loopscope {

namespace {

OperationResult failure(std::string code, std::string message = {}) {
    return operationFailure(std::move(code), std::move(message));
}

bool isAuthenticated(const EVP_CIPHER* cipher) {
    const int mode = EVP_CIPHER_get_mode(cipher);
    return mode == EVP_CIPH_GCM_MODE || mode == EVP_CIPH_OCB_MODE || mode == EVP_CIPH_CCM_MODE ||
           EVP_CIPHER_get_nid(cipher) == NID_chacha20_poly1305;
}

}  // namespace

class CipherContext {
public:
    CipherContext() : context_(EVP_CIPHER_CTX_new()) {}
    ~CipherContext() { EVP_CIPHER_CTX_free(context_); }
    CipherContext(const CipherContext&) = delete;
    CipherContext& operator=(const CipherContext&) = delete;

    EVP_CIPHER_CTX* context_;
    bool encrypt_ = true;
    bool authenticated_ = false;
    int authTagLength_ = 16;
};

CipherContexts& CipherContexts::instance() {
    static CipherContexts contexts;
    return contexts;
}

std::shared_ptr<CipherContext> CipherContexts::find(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    const auto found = contexts_.find(id);
    return found == contexts_.end() ? nullptr : found->second;
}

OperationResult CipherContexts::create(const std::string& name, const Bytes& key, bool hasIv, const Bytes& iv,
                                       bool encrypt, int authTagLength) {
    const EVP_CIPHER* cipher = EVP_get_cipherbyname(name.c_str());
    if (!cipher)
        return failure("unknown cipher");
    const bool authenticated = isAuthenticated(cipher);
    const int ivLength = EVP_CIPHER_get_iv_length(cipher);
    if (authenticated ? (!hasIv || iv.empty()) : (ivLength == 0 ? hasIv && !iv.empty() : !hasIv || int(iv.size()) != ivLength))
        return failure("invalid iv");
    auto made = std::make_shared<CipherContext>();
    made->encrypt_ = encrypt;
    made->authenticated_ = authenticated;
    made->authTagLength_ = authTagLength;
    EVP_CIPHER_CTX* context = made->context_;
    if (EVP_CipherInit_ex(context, cipher, nullptr, nullptr, nullptr, encrypt ? 1 : 0) != 1)
        return opensslFailure("cipher init failed");
    if (int(key.size()) != EVP_CIPHER_get_key_length(cipher) && EVP_CIPHER_CTX_set_key_length(context, int(key.size())) != 1) {
        ERR_clear_error();
        return failure("invalid key length");
    }
    if (authenticated && int(iv.size()) != ivLength &&
        EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_IVLEN, int(iv.size()), nullptr) != 1) {
        ERR_clear_error();
        return failure("invalid iv");
    }
    if (authenticated && !encrypt && EVP_CIPHER_get_mode(cipher) == EVP_CIPH_CCM_MODE)
        EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_TAG, authTagLength, nullptr);
    if (EVP_CipherInit_ex(context, nullptr, nullptr, key.data(), hasIv && !iv.empty() ? iv.data() : nullptr,
                          encrypt ? 1 : 0) != 1)
        return opensslFailure("cipher init failed");
    std::lock_guard lock(mutex_);
    const std::uint64_t id = next_++;
    contexts_.emplace(id, std::move(made));
    return {std::nullopt, double(id)};
}

OperationResult CipherContexts::update(std::uint64_t id, const Bytes& input) {
    const auto cipher = find(id);
    if (!cipher)
        return failure("invalid state");
    Bytes out(input.size() + EVP_MAX_BLOCK_LENGTH);
    int written = 0;
    if (EVP_CipherUpdate(cipher->context_, out.data(), &written, input.data(), int(input.size())) != 1)
        return cipher->authenticated_ ? failure("", "Trying to add data in unsupported state")
                                      : opensslFailure("Trying to add data in unsupported state");
    out.resize(std::size_t(written));
    return {std::nullopt, std::move(out)};
}

OperationResult CipherContexts::final(std::uint64_t id) {
    const auto cipher = find(id);
    if (!cipher)
        return failure("invalid state");
    Bytes out(EVP_MAX_BLOCK_LENGTH);
    int written = 0;
    if (EVP_CipherFinal_ex(cipher->context_, out.data(), &written) != 1) {
        if (cipher->authenticated_ && !cipher->encrypt_) {
            ERR_clear_error();
            return failure("", "Unsupported state or unable to authenticate data");
        }
        return opensslFailure("cipher final failed");
    }
    out.resize(std::size_t(written));
    return {std::nullopt, std::move(out)};
}

OperationResult CipherContexts::setAutoPadding(std::uint64_t id, bool padding) {
    const auto cipher = find(id);
    if (!cipher)
        return failure("invalid state");
    EVP_CIPHER_CTX_set_padding(cipher->context_, padding ? 1 : 0);
    return {std::nullopt, {}};
}

OperationResult CipherContexts::setAAD(std::uint64_t id, const Bytes& data) {
    const auto cipher = find(id);
    if (!cipher || !cipher->authenticated_)
        return failure("invalid state");
    int written = 0;
    if (EVP_CipherUpdate(cipher->context_, nullptr, &written, data.data(), int(data.size())) != 1)
        return opensslFailure("setAAD failed");
    return {std::nullopt, {}};
}

OperationResult CipherContexts::authTag(std::uint64_t id) {
    const auto cipher = find(id);
    if (!cipher || !cipher->authenticated_ || !cipher->encrypt_)
        return failure("invalid state");
    Bytes tag(std::size_t(cipher->authTagLength_));
    if (EVP_CIPHER_CTX_ctrl(cipher->context_, EVP_CTRL_AEAD_GET_TAG, int(tag.size()), tag.data()) != 1)
        return opensslFailure("getAuthTag failed");
    return {std::nullopt, std::move(tag)};
}

OperationResult CipherContexts::setAuthTag(std::uint64_t id, const Bytes& tag) {
    const auto cipher = find(id);
    if (!cipher || !cipher->authenticated_ || cipher->encrypt_)
        return failure("invalid state");
    Bytes copy = tag;
    if (EVP_CIPHER_CTX_ctrl(cipher->context_, EVP_CTRL_AEAD_SET_TAG, int(copy.size()), copy.data()) != 1)
        return failure("invalid auth tag");
    return {std::nullopt, {}};
}

void CipherContexts::free(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    contexts_.erase(id);
}

std::vector<std::string> CipherContexts::names() {
    // Every name OpenSSL knows, aliases too, that the default provider can fetch (legacy
    // ciphers such as bf or rc4 cannot be used, so are not listed), as Node lists them.
    std::vector<std::string> found;
    EVP_CIPHER_do_all_sorted(
        [](const EVP_CIPHER*, const char* from, const char*, void* out) {
            if (!from)
                return;
            if (EVP_CIPHER* fetched = EVP_CIPHER_fetch(nullptr, from, nullptr)) {
                EVP_CIPHER_free(fetched);
                static_cast<std::vector<std::string>*>(out)->push_back(from);
            }
        },
        &found);
    ERR_clear_error();
    return found;
}

}  // namespace loopscope
