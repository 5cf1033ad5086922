#include "AsymmetricKeys.h"

#include "OperationFailures.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

namespace loopscope {

namespace {

template <typename T>
const T* argument(const AsymmetricKeys::Arguments& arguments, std::size_t index) {
    return operationArgument<T>(arguments, index);
}

OperationResult failure(std::string code, std::string message) { return operationFailure(std::move(code), std::move(message)); }

struct PkeyContext {
    EVP_PKEY_CTX* context;
    explicit PkeyContext(EVP_PKEY_CTX* made) : context(made) {}
    ~PkeyContext() { EVP_PKEY_CTX_free(context); }
};

const char* encoderStructure(const std::string& type) {
    if (type == "spki")
        return "SubjectPublicKeyInfo";
    if (type == "pkcs8")
        return "PrivateKeyInfo";
    if (type == "pkcs1" || type == "sec1")
        return "type-specific";
    return nullptr;
}

bool applyRsaPadding(EVP_PKEY_CTX* context, int padding, int saltLength) {
    if (padding <= 0)
        return true;
    if (EVP_PKEY_CTX_set_rsa_padding(context, padding) <= 0)
        return false;
    return padding != RSA_PKCS1_PSS_PADDING || saltLength < -2 ||
           EVP_PKEY_CTX_set_rsa_pss_saltlen(context, saltLength) > 0;
}

}  // namespace

struct AsymmetricKeys::Key {
    EVP_PKEY* pkey = nullptr;
    bool isPrivate = false;
    Key(EVP_PKEY* made, bool privateKey) : pkey(made), isPrivate(privateKey) {}
    ~Key() { EVP_PKEY_free(pkey); }
    Key(const Key&) = delete;
    Key& operator=(const Key&) = delete;
};

AsymmetricKeys& AsymmetricKeys::instance() {
    static AsymmetricKeys keys;
    return keys;
}

std::shared_ptr<AsymmetricKeys::Key> AsymmetricKeys::find(const OperationValue* id) {
    const auto* number = id ? std::get_if<double>(id) : nullptr;
    if (!number)
        return nullptr;
    std::lock_guard lock(mutex_);
    const auto found = keys_.find(std::uint64_t(*number));
    return found == keys_.end() ? nullptr : found->second;
}

double AsymmetricKeys::keep(std::shared_ptr<Key> key) {
    std::lock_guard lock(mutex_);
    const std::uint64_t id = next_++;
    keys_.emplace(id, std::move(key));
    return double(id);
}

void AsymmetricKeys::free(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    keys_.erase(id);
}

OperationResult AsymmetricKeys::generate(const Arguments& a) {
    const auto* type = argument<std::string>(a, 0);
    const auto* modulusLength = argument<double>(a, 1);
    const auto* publicExponent = argument<double>(a, 2);
    const auto* namedCurve = argument<std::string>(a, 3);
    if (!type || !modulusLength || !publicExponent || !namedCurve)
        return failure("ERR_INVALID_ARG_TYPE", "keyGenerate needs type, modulusLength, publicExponent, namedCurve");
    const char* algorithm = *type == "rsa" ? "RSA" : *type == "rsa-pss" ? "RSA-PSS" : *type == "ec" ? "EC"
                          : *type == "ed25519" ? "ED25519" : *type == "ed448" ? "ED448" : *type == "x25519" ? "X25519"
                          : *type == "x448" ? "X448" : nullptr;
    if (!algorithm)
        return failure("ERR_INVALID_ARG_VALUE", "unsupported key type");
    PkeyContext made(EVP_PKEY_CTX_new_from_name(nullptr, algorithm, nullptr));
    if (!made.context || EVP_PKEY_keygen_init(made.context) <= 0)
        return opensslFailure("key generation failed");
    if (*type == "rsa" || *type == "rsa-pss") {
        BIGNUM* exponent = BN_new();
        BN_set_word(exponent, static_cast<BN_ULONG>(*publicExponent));
        const bool ok = EVP_PKEY_CTX_set_rsa_keygen_bits(made.context, int(*modulusLength)) > 0 &&
                        EVP_PKEY_CTX_set1_rsa_keygen_pubexp(made.context, exponent) > 0;
        BN_free(exponent);
        if (!ok)
            return opensslFailure("key generation failed");
    } else if (*type == "ec") {
        int nid = EC_curve_nist2nid(namedCurve->c_str());
        if (nid == NID_undef)
            nid = OBJ_sn2nid(namedCurve->c_str());
        if (nid == NID_undef)
            return failure("ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name");
        if (EVP_PKEY_CTX_set_ec_paramgen_curve_nid(made.context, nid) <= 0 ||
            EVP_PKEY_CTX_set_ec_param_enc(made.context, OPENSSL_EC_NAMED_CURVE) <= 0)
            return opensslFailure("key generation failed");
    }
    EVP_PKEY* pkey = nullptr;
    if (EVP_PKEY_generate(made.context, &pkey) <= 0)
        return opensslFailure("key generation failed");
    return {std::nullopt, keep(std::make_shared<Key>(pkey, true))};
}

OperationResult AsymmetricKeys::publicHalf(const Arguments& a) {
    const auto key = find(a.empty() ? nullptr : &a[0]);
    if (!key)
        return failure("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "no such key");
    EVP_PKEY_up_ref(key->pkey);
    return {std::nullopt, keep(std::make_shared<Key>(key->pkey, false))};
}

OperationResult AsymmetricKeys::exportKey(const Arguments& a) {
    const auto key = find(a.empty() ? nullptr : &a[0]);
    const auto* type = argument<std::string>(a, 1);
    const auto* format = argument<std::string>(a, 2);
    if (!key || !type || !format)
        return failure("ERR_INVALID_ARG_TYPE", "keyExport needs a key, a type and a format");
    const char* structure = encoderStructure(*type);
    const bool pem = *format == "pem";
    if (!structure || (!pem && *format != "der"))
        return failure("ERR_INVALID_ARG_VALUE", "unsupported encoding");
    const int selection = key->isPrivate && *type != "spki" ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
    OSSL_ENCODER_CTX* encoder =
        OSSL_ENCODER_CTX_new_for_pkey(key->pkey, selection, pem ? "PEM" : "DER", structure, nullptr);
    unsigned char* data = nullptr;
    size_t length = 0;
    const bool ok = encoder && OSSL_ENCODER_CTX_get_num_encoders(encoder) > 0 &&
                    OSSL_ENCODER_to_data(encoder, &data, &length) == 1;
    OSSL_ENCODER_CTX_free(encoder);
    if (!ok)
        return opensslFailure("key export failed");
    OperationResult result;
    if (pem)
        result.value = std::string(reinterpret_cast<const char*>(data), length);
    else
        result.value = Bytes(data, data + length);
    OPENSSL_free(data);
    return result;
}

OperationResult AsymmetricKeys::importKey(const Arguments& a) {
    const auto* data = argument<Bytes>(a, 0);
    const auto* format = argument<std::string>(a, 1);
    const auto* wantsPrivate = argument<double>(a, 2);
    if (!data || !format || !wantsPrivate)
        return failure("ERR_INVALID_ARG_TYPE", "keyImport needs data, a format and a kind");
    // A private key read where a public one is wanted gives its public half.
    for (const int selection : {EVP_PKEY_KEYPAIR, EVP_PKEY_PUBLIC_KEY}) {
        if (*wantsPrivate != 0 && selection != EVP_PKEY_KEYPAIR)
            break;
        EVP_PKEY* pkey = nullptr;
        OSSL_DECODER_CTX* decoder = OSSL_DECODER_CTX_new_for_pkey(&pkey, *format == "pem" ? "PEM" : "DER", nullptr,
                                                                  nullptr, selection, nullptr, nullptr);
        const unsigned char* from = data->data();
        size_t left = data->size();
        const bool ok = decoder && OSSL_DECODER_from_data(decoder, &from, &left) == 1 && pkey;
        OSSL_DECODER_CTX_free(decoder);
        if (ok) {
            ERR_clear_error();
            return {std::nullopt, keep(std::make_shared<Key>(pkey, *wantsPrivate != 0))};
        }
        EVP_PKEY_free(pkey);
    }
    return opensslFailure("unsupported key format");
}

OperationResult AsymmetricKeys::describe(const Arguments& a) {
    const auto key = find(a.empty() ? nullptr : &a[0]);
    if (!key)
        return failure("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "no such key");
    std::string text;
    switch (EVP_PKEY_get_base_id(key->pkey)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS: {
        text = EVP_PKEY_get_base_id(key->pkey) == EVP_PKEY_RSA ? "rsa " : "rsa-pss ";
        text += std::to_string(EVP_PKEY_get_bits(key->pkey));
        BIGNUM* exponent = nullptr;
        if (EVP_PKEY_get_bn_param(key->pkey, OSSL_PKEY_PARAM_RSA_E, &exponent) == 1) {
            text += " " + std::to_string(BN_get_word(exponent));
            BN_free(exponent);
        }
        break;
    }
    case EVP_PKEY_EC: {
        char group[80] = {};
        size_t length = 0;
        EVP_PKEY_get_utf8_string_param(key->pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length);
        text = std::string("ec ") + group;
        break;
    }
    case EVP_PKEY_ED25519: text = "ed25519"; break;
    case EVP_PKEY_ED448: text = "ed448"; break;
    case EVP_PKEY_X25519: text = "x25519"; break;
    case EVP_PKEY_X448: text = "x448"; break;
    case EVP_PKEY_DH: text = "dh"; break;
    case EVP_PKEY_DSA: text = "dsa"; break;
    default: text = "unknown"; break;
    }
    ERR_clear_error();
    return {std::nullopt, text};
}

OperationResult AsymmetricKeys::sign(const Arguments& a) {
    const auto key = find(a.empty() ? nullptr : &a[0]);
    const auto* digest = argument<std::string>(a, 1);
    const auto* data = argument<Bytes>(a, 2);
    const auto* padding = argument<double>(a, 3);
    const auto* saltLength = argument<double>(a, 4);
    if (!key || !digest || !data || !padding || !saltLength)
        return failure("ERR_INVALID_ARG_TYPE", "sign needs a key, a digest and data");
    const EVP_MD* md = digest->empty() ? nullptr : EVP_get_digestbyname(digest->c_str());
    if (!digest->empty() && !md)
        return failure("ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: " + *digest);
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    EVP_PKEY_CTX* keyContext = nullptr;
    size_t length = 0;
    Bytes signature;
    bool ok = EVP_DigestSignInit(context, &keyContext, md, nullptr, key->pkey) == 1 &&
              applyRsaPadding(keyContext, int(*padding), int(*saltLength)) &&
              EVP_DigestSign(context, nullptr, &length, data->data(), data->size()) == 1;
    if (ok) {
        signature.resize(length);
        ok = EVP_DigestSign(context, signature.data(), &length, data->data(), data->size()) == 1;
        signature.resize(length);
    }
    EVP_MD_CTX_free(context);
    if (!ok)
        return opensslFailure("sign failed");
    return {std::nullopt, std::move(signature)};
}

OperationResult AsymmetricKeys::verify(const Arguments& a) {
    const auto key = find(a.empty() ? nullptr : &a[0]);
    const auto* digest = argument<std::string>(a, 1);
    const auto* data = argument<Bytes>(a, 2);
    const auto* signature = argument<Bytes>(a, 3);
    const auto* padding = argument<double>(a, 4);
    const auto* saltLength = argument<double>(a, 5);
    if (!key || !digest || !data || !signature || !padding || !saltLength)
        return failure("ERR_INVALID_ARG_TYPE", "verify needs a key, a digest, data and a signature");
    const EVP_MD* md = digest->empty() ? nullptr : EVP_get_digestbyname(digest->c_str());
    if (!digest->empty() && !md)
        return failure("ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: " + *digest);
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    EVP_PKEY_CTX* keyContext = nullptr;
    const bool ready = EVP_DigestVerifyInit(context, &keyContext, md, nullptr, key->pkey) == 1 &&
                       applyRsaPadding(keyContext, int(*padding), int(*saltLength));
    const int verdict =
        ready ? EVP_DigestVerify(context, signature->data(), signature->size(), data->data(), data->size()) : -1;
    EVP_MD_CTX_free(context);
    if (!ready)
        return opensslFailure("verify failed");
    ERR_clear_error();  // a malformed signature is a failed verification, as Node's
    return {std::nullopt, verdict == 1 ? 1.0 : 0.0};
}

OperationResult AsymmetricKeys::cipher(const Arguments& a) {
    const auto key = find(a.empty() ? nullptr : &a[0]);
    const auto* data = argument<Bytes>(a, 1);
    const auto* padding = argument<double>(a, 2);
    const auto* oaepDigest = argument<std::string>(a, 3);
    const auto* decrypt = argument<double>(a, 4);
    const auto* withPrivate = argument<double>(a, 5);
    if (!key || !data || !padding || !oaepDigest || !decrypt || !withPrivate)
        return failure("ERR_INVALID_ARG_TYPE", "keyCipher needs a key, data and options");
    PkeyContext made(EVP_PKEY_CTX_new_from_pkey(nullptr, key->pkey, nullptr));
    // publicEncrypt / privateDecrypt encrypt and decrypt; privateEncrypt / publicDecrypt are
    // RSA's raw sign and verify-recover.
    const bool encrypting = *decrypt == 0;
    const bool rawSign = *withPrivate != 0 && encrypting;
    const bool rawRecover = *withPrivate == 0 && !encrypting;
    int ok = !made.context ? 0
             : rawSign     ? EVP_PKEY_sign_init(made.context)
             : rawRecover  ? EVP_PKEY_verify_recover_init(made.context)
             : encrypting  ? EVP_PKEY_encrypt_init(made.context)
                           : EVP_PKEY_decrypt_init(made.context);
    if (ok > 0)
        ok = EVP_PKEY_CTX_set_rsa_padding(made.context, int(*padding));
    if (ok > 0 && int(*padding) == RSA_PKCS1_OAEP_PADDING) {
        const EVP_MD* md = EVP_get_digestbyname(oaepDigest->c_str());
        ok = md ? EVP_PKEY_CTX_set_rsa_oaep_md(made.context, md) : 0;
    }
    using Step = int (*)(EVP_PKEY_CTX*, unsigned char*, size_t*, const unsigned char*, size_t);
    const Step step = rawSign ? Step(EVP_PKEY_sign) : rawRecover ? Step(EVP_PKEY_verify_recover)
                    : encrypting ? Step(EVP_PKEY_encrypt) : Step(EVP_PKEY_decrypt);
    size_t length = 0;
    Bytes out;
    if (ok > 0)
        ok = step(made.context, nullptr, &length, data->data(), data->size());
    if (ok > 0) {
        out.resize(length);
        ok = step(made.context, out.data(), &length, data->data(), data->size());
        out.resize(length);
    }
    if (ok <= 0)
        return opensslFailure("RSA operation failed");
    return {std::nullopt, std::move(out)};
}

}  // namespace loopscope
