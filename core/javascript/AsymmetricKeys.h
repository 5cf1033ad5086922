// crypto's key pairs and signatures: generateKeyPair (RSA, RSA-PSS, EC, Ed25519, Ed448,
// X25519, X448), keys read from and written as PEM or DER (spki, pkcs8, pkcs1, sec1),
// sign/verify and RSA encryption, over OpenSSL 3. Keys are numbered as CipherContexts'
// contexts are; a key generated on a pool worker is used on the loop thread after.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "NodeOperations.h"

namespace loopscope {

class AsymmetricKeys {
public:
    static AsymmetricKeys& instance();

    using Arguments = std::vector<OperationValue>;
    // keyGenerate [type, modulusLength, publicExponent, namedCurve] -> the private key's number
    OperationResult generate(const Arguments& a);
    // keyPublic [id] -> a number for the public half of key `id`
    OperationResult publicHalf(const Arguments& a);
    // keyExport [id, type: spki|pkcs8|pkcs1|sec1, format: pem|der] -> PEM text or DER bytes
    OperationResult exportKey(const Arguments& a);
    // keyImport [bytes, format: pem|der, wantsPrivate 0|1, type: spki|pkcs8|pkcs1|sec1|''] -> number
    OperationResult importKey(const Arguments& a);
    // keyInfo [id] -> "rsa 2048 65537", "ec prime256v1", "ed25519"
    OperationResult describe(const Arguments& a);
    // sign [id, digest or '', data, padding, saltLength] -> signature
    OperationResult sign(const Arguments& a);
    // verify [id, digest or '', data, signature, padding, saltLength] -> 1 or 0
    OperationResult verify(const Arguments& a);
    // keyCipher [id, data, padding, oaepDigest, decrypt 0|1, withPrivate 0|1] -> bytes
    OperationResult cipher(const Arguments& a);
    void free(std::uint64_t id);

    struct Key;

private:
    std::shared_ptr<Key> find(const OperationValue* id);
    double keep(std::shared_ptr<Key> key);

    std::mutex mutex_;
    std::uint64_t next_ = 1;
    std::unordered_map<std::uint64_t, std::shared_ptr<Key>> keys_;
};

}  // namespace loopscope
