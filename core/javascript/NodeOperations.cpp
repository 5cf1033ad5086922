#include "NodeOperations.h"

#include <functional>
#include <map>
#include <memory>

#include <arpa/inet.h>
#include <netdb.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>
#include <uv.h>
#include <zlib.h>

#include "AsymmetricKeys.h"
#include "BrotliCodec.h"
#include "OperationFailures.h"
#include "CipherContexts.h"
#include "DirectoryStreams.h"
#include "ZlibStreams.h"

namespace loopscope {

namespace {

using Arguments = std::vector<OperationValue>;

OperationResult failure(std::string code, std::string message) { return operationFailure(std::move(code), std::move(message)); }

OperationResult badArguments(const std::string& name) {
    return failure("ERR_INVALID_ARG_TYPE", "wrong arguments for " + name);
}

template <typename T>
const T* argument(const Arguments& arguments, std::size_t index) {
    return operationArgument<T>(arguments, index);
}

// ---- fs, through libuv's uv_fs_* with no callback: synchronous on this thread

struct FsRequest {
    uv_fs_t request{};
    ~FsRequest() { uv_fs_req_cleanup(&request); }
};

OperationResult fsError(int code, const char* syscall, const std::string& path, const std::string& dest = {}) {
    return fsFailure(code, syscall, path, dest);
}

FileStatus statusOf(const uv_stat_t& s) {
    auto ms = [](const uv_timespec_t& t) { return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6; };
    FileStatus status;
    status.dev = double(s.st_dev);
    status.mode = double(s.st_mode);
    status.nlink = double(s.st_nlink);
    status.uid = double(s.st_uid);
    status.gid = double(s.st_gid);
    status.rdev = double(s.st_rdev);
    status.blksize = double(s.st_blksize);
    status.ino = double(s.st_ino);
    status.size = double(s.st_size);
    status.blocks = double(s.st_blocks);
    status.atimeMs = ms(s.st_atim);
    status.mtimeMs = ms(s.st_mtim);
    status.ctimeMs = ms(s.st_ctim);
    status.birthtimeMs = ms(s.st_birthtim);
    return status;
}

OperationResult fsOpen(const Arguments& a) {
    const auto* path = argument<std::string>(a, 0);
    const auto* flags = argument<double>(a, 1);
    const auto* mode = argument<double>(a, 2);
    if (!path || !flags || !mode)
        return badArguments("open");
    FsRequest r;
    const int fd = uv_fs_open(nullptr, &r.request, path->c_str(), int(*flags), int(*mode), nullptr);
    if (fd < 0)
        return fsError(fd, "open", *path);
    return {std::nullopt, double(fd)};
}

OperationResult fsClose(const Arguments& a) {
    const auto* fd = argument<double>(a, 0);
    if (!fd)
        return badArguments("close");
    FsRequest r;
    const int rc = uv_fs_close(nullptr, &r.request, uv_file(*fd), nullptr);
    if (rc < 0)
        return fsError(rc, "close", {});
    return {};
}

OperationResult fsFsync(const Arguments& a) {
    const auto* fd = argument<double>(a, 0);
    if (!fd)
        return badArguments("fsync");
    FsRequest r;
    const int rc = uv_fs_fsync(nullptr, &r.request, uv_file(*fd), nullptr);
    if (rc < 0)
        return fsError(rc, "fsync", {});
    return {};
}

// read(fd, length, position): position -1 reads from the file's current offset.
OperationResult fsRead(const Arguments& a) {
    const auto* fd = argument<double>(a, 0);
    const auto* length = argument<double>(a, 1);
    const auto* position = argument<double>(a, 2);
    if (!fd || !length || !position || *length < 0)
        return badArguments("read");
    Bytes data(static_cast<std::size_t>(*length));
    uv_buf_t buffer = uv_buf_init(reinterpret_cast<char*>(data.data()), unsigned(data.size()));
    FsRequest r;
    const int got = uv_fs_read(nullptr, &r.request, uv_file(*fd), &buffer, 1, std::int64_t(*position), nullptr);
    if (got < 0)
        return fsError(got, "read", {});
    data.resize(std::size_t(got));
    return {std::nullopt, std::move(data)};
}

OperationResult fsWrite(const Arguments& a) {
    const auto* fd = argument<double>(a, 0);
    const auto* data = argument<Bytes>(a, 1);
    const auto* position = argument<double>(a, 2);
    if (!fd || !data || !position)
        return badArguments("write");
    uv_buf_t buffer = uv_buf_init(const_cast<char*>(reinterpret_cast<const char*>(data->data())), unsigned(data->size()));
    FsRequest r;
    const int wrote = uv_fs_write(nullptr, &r.request, uv_file(*fd), &buffer, 1, std::int64_t(*position), nullptr);
    if (wrote < 0)
        return fsError(wrote, "write", {});
    return {std::nullopt, double(wrote)};
}

OperationResult fsStat(const Arguments& a, const char* syscall) {
    FsRequest r;
    int rc = 0;
    std::string path;
    if (std::string(syscall) == "fstat") {
        const auto* fd = argument<double>(a, 0);
        if (!fd)
            return badArguments(syscall);
        rc = uv_fs_fstat(nullptr, &r.request, uv_file(*fd), nullptr);
    } else {
        const auto* p = argument<std::string>(a, 0);
        if (!p)
            return badArguments(syscall);
        path = *p;
        rc = std::string(syscall) == "lstat" ? uv_fs_lstat(nullptr, &r.request, p->c_str(), nullptr)
                                             : uv_fs_stat(nullptr, &r.request, p->c_str(), nullptr);
    }
    if (rc < 0)
        return fsError(rc, syscall, path);
    return {std::nullopt, statusOf(r.request.statbuf)};
}

OperationResult fsReaddir(const Arguments& a) {
    const auto* path = argument<std::string>(a, 0);
    if (!path)
        return badArguments("scandir");
    FsRequest r;
    const int rc = uv_fs_scandir(nullptr, &r.request, path->c_str(), 0, nullptr);
    if (rc < 0)
        return fsError(rc, "scandir", *path);
    std::vector<DirectoryEntry> entries;
    uv_dirent_t entry;
    while (uv_fs_scandir_next(&r.request, &entry) != UV_EOF)
        entries.push_back({entry.name, int(entry.type)});
    return {std::nullopt, std::move(entries)};
}

OperationResult fsPathCall(const Arguments& a, const char* syscall) {
    const auto* path = argument<std::string>(a, 0);
    if (!path)
        return badArguments(syscall);
    FsRequest r;
    const std::string name = syscall;
    int rc = 0;
    if (name == "unlink")
        rc = uv_fs_unlink(nullptr, &r.request, path->c_str(), nullptr);
    else if (name == "rmdir")
        rc = uv_fs_rmdir(nullptr, &r.request, path->c_str(), nullptr);
    else if (name == "mkdir") {
        const auto* mode = argument<double>(a, 1);
        rc = uv_fs_mkdir(nullptr, &r.request, path->c_str(), mode ? int(*mode) : 0777, nullptr);
    } else if (name == "access") {
        const auto* mode = argument<double>(a, 1);
        rc = uv_fs_access(nullptr, &r.request, path->c_str(), mode ? int(*mode) : 0, nullptr);
    }
    if (rc < 0)
        return fsError(rc, syscall, *path);
    return {};
}

// The calls that answer with a path: mkdtemp (the folder made), realpath, readlink.
// statfs(path) -> the file system's numbers as a JSON object in Node's order (type, bsize,
// blocks, bfree, bavail, files, ffree): the answer types have no record for them.
OperationResult fsStatfs(const Arguments& a) {
    const auto* path = argument<std::string>(a, 0);
    if (!path)
        return badArguments("statfs");
    FsRequest r;
    const int rc = uv_fs_statfs(nullptr, &r.request, path->c_str(), nullptr);
    if (rc < 0)
        return fsError(rc, "statfs", *path);
    const auto* s = static_cast<const uv_statfs_t*>(r.request.ptr);
    std::string json = "{\"type\":" + std::to_string(s->f_type) + ",\"bsize\":" + std::to_string(s->f_bsize) +
                       ",\"blocks\":" + std::to_string(s->f_blocks) + ",\"bfree\":" + std::to_string(s->f_bfree) +
                       ",\"bavail\":" + std::to_string(s->f_bavail) + ",\"files\":" + std::to_string(s->f_files) +
                       ",\"ffree\":" + std::to_string(s->f_ffree) + "}";
    return {std::nullopt, std::move(json)};
}

OperationResult fsPathAnswer(const Arguments& a, const char* syscall) {
    const auto* path = argument<std::string>(a, 0);
    if (!path)
        return badArguments(syscall);
    FsRequest r;
    const std::string name = syscall;
    int rc = 0;
    if (name == "mkdtemp")
        rc = uv_fs_mkdtemp(nullptr, &r.request, (*path + "XXXXXX").c_str(), nullptr);
    else if (name == "realpath")
        rc = uv_fs_realpath(nullptr, &r.request, path->c_str(), nullptr);
    else
        rc = uv_fs_readlink(nullptr, &r.request, path->c_str(), nullptr);
    if (rc < 0)
        return fsError(rc, syscall, name == "mkdtemp" ? *path + "XXXXXX" : *path);
    return {std::nullopt, std::string(name == "mkdtemp" ? r.request.path : static_cast<const char*>(r.request.ptr))};
}

// rename(from, to), copyfile(from, to, flags), symlink(target, path, flags), link(existing, new):
// errors name both paths.
OperationResult fsTwoPaths(const Arguments& a, const char* syscall) {
    const auto* from = argument<std::string>(a, 0);
    const auto* to = argument<std::string>(a, 1);
    const auto* flags = argument<double>(a, 2);
    if (!from || !to)
        return badArguments(syscall);
    FsRequest r;
    const std::string name = syscall;
    const int flagBits = flags ? int(*flags) : 0;
    int rc = 0;
    if (name == "rename")
        rc = uv_fs_rename(nullptr, &r.request, from->c_str(), to->c_str(), nullptr);
    else if (name == "copyfile")
        rc = uv_fs_copyfile(nullptr, &r.request, from->c_str(), to->c_str(), flagBits, nullptr);
    else if (name == "symlink")
        rc = uv_fs_symlink(nullptr, &r.request, from->c_str(), to->c_str(), flagBits, nullptr);
    else
        rc = uv_fs_link(nullptr, &r.request, from->c_str(), to->c_str(), nullptr);
    if (rc < 0)
        return fsError(rc, syscall, *from, *to);
    return {};
}

// chmod(path, mode), utimes(path, atime, mtime) in seconds.
OperationResult fsChangePath(const Arguments& a, const char* syscall) {
    const auto* path = argument<std::string>(a, 0);
    const auto* first = argument<double>(a, 1);
    const auto* second = argument<double>(a, 2);
    if (!path || !first || (std::string(syscall) == "utime" && !second))
        return badArguments(syscall);
    FsRequest r;
    const int rc = std::string(syscall) == "chmod"
                       ? uv_fs_chmod(nullptr, &r.request, path->c_str(), int(*first), nullptr)
                       : uv_fs_utime(nullptr, &r.request, path->c_str(), *first, *second, nullptr);
    if (rc < 0)
        return fsError(rc, syscall, *path);
    return {};
}

// ftruncate(fd, length), fchmod(fd, mode), fdatasync(fd), futime(fd, atime, mtime).
OperationResult fsChangeDescriptor(const Arguments& a, const char* syscall) {
    const auto* fd = argument<double>(a, 0);
    const auto* first = argument<double>(a, 1);
    const auto* second = argument<double>(a, 2);
    const std::string name = syscall;
    if (!fd || (name != "fdatasync" && !first) || (name == "futime" && !second))
        return badArguments(syscall);
    FsRequest r;
    int rc = 0;
    if (name == "ftruncate")
        rc = uv_fs_ftruncate(nullptr, &r.request, uv_file(*fd), std::int64_t(*first), nullptr);
    else if (name == "fchmod")
        rc = uv_fs_fchmod(nullptr, &r.request, uv_file(*fd), int(*first), nullptr);
    else if (name == "fdatasync")
        rc = uv_fs_fdatasync(nullptr, &r.request, uv_file(*fd), nullptr);
    else
        rc = uv_fs_futime(nullptr, &r.request, uv_file(*fd), *first, *second, nullptr);
    if (rc < 0)
        return fsError(rc, syscall, {});
    return {};
}

// ---- dns.lookup: getaddrinfo, as libuv's uv_getaddrinfo runs it on the pool

OperationResult lookup(const Arguments& a) {
    const auto* host = argument<std::string>(a, 0);
    if (!host)
        return badArguments("getaddrinfo");
    addrinfo* found = nullptr;
    const int rc = ::getaddrinfo(host->c_str(), nullptr, nullptr, &found);
    if (rc != 0) {
        OperationError error;
        error.code = rc == EAI_NONAME ? "ENOTFOUND" : "EAI_FAIL";
        error.syscall = "getaddrinfo";
        error.message = "getaddrinfo " + error.code + " " + *host;
        return {error, {}};
    }
    std::vector<ResolvedAddress> addresses;
    for (addrinfo* at = found; at; at = at->ai_next) {
        if (at->ai_socktype != SOCK_STREAM)
            continue;  // one answer per address, as Node's lookup keeps
        char text[INET6_ADDRSTRLEN] = {};
        const void* raw = at->ai_family == AF_INET6
                              ? static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(at->ai_addr)->sin6_addr)
                              : static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(at->ai_addr)->sin_addr);
        if (inet_ntop(at->ai_family, raw, text, sizeof text))
            addresses.push_back({text, at->ai_family == AF_INET6 ? 6 : 4});
    }
    ::freeaddrinfo(found);
    return {std::nullopt, std::move(addresses)};
}

// ---- crypto, by OpenSSL's libcrypto

OperationResult cryptoFailure(const char* what) {
    return failure("ERR_CRYPTO_OPERATION_FAILED", std::string(what) + " failed");
}

OperationResult pbkdf2(const Arguments& a) {
    const auto* password = argument<Bytes>(a, 0);
    const auto* salt = argument<Bytes>(a, 1);
    const auto* iterations = argument<double>(a, 2);
    const auto* keylen = argument<double>(a, 3);
    const auto* digestName = argument<std::string>(a, 4);
    if (!password || !salt || !iterations || !keylen || !digestName)
        return badArguments("pbkdf2");
    const EVP_MD* digest = EVP_get_digestbyname(digestName->c_str());
    if (!digest)
        return failure("ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: " + *digestName);
    Bytes key(static_cast<std::size_t>(*keylen));
    if (PKCS5_PBKDF2_HMAC(reinterpret_cast<const char*>(password->data()), int(password->size()), salt->data(),
                          int(salt->size()), int(*iterations), digest, int(key.size()), key.data()) != 1)
        return cryptoFailure("pbkdf2");
    return {std::nullopt, std::move(key)};
}

OperationResult scrypt(const Arguments& a) {
    const auto* password = argument<Bytes>(a, 0);
    const auto* salt = argument<Bytes>(a, 1);
    const auto* keylen = argument<double>(a, 2);
    const auto* n = argument<double>(a, 3);
    const auto* r = argument<double>(a, 4);
    const auto* p = argument<double>(a, 5);
    const auto* maxmem = argument<double>(a, 6);
    if (!password || !salt || !keylen || !n || !r || !p || !maxmem)
        return badArguments("scrypt");
    Bytes key(static_cast<std::size_t>(*keylen));
    if (EVP_PBE_scrypt(reinterpret_cast<const char*>(password->data()), password->size(), salt->data(), salt->size(),
                       std::uint64_t(*n), std::uint64_t(*r), std::uint64_t(*p), std::uint64_t(*maxmem), key.data(),
                       key.size()) != 1)
        return failure("ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params");
    return {std::nullopt, std::move(key)};
}

OperationResult randomBytes(const Arguments& a) {
    const auto* size = argument<double>(a, 0);
    if (!size || *size < 0)
        return badArguments("randomBytes");
    Bytes bytes(static_cast<std::size_t>(*size));
    if (!bytes.empty() && RAND_bytes(bytes.data(), int(bytes.size())) != 1)
        return cryptoFailure("randomBytes");
    return {std::nullopt, std::move(bytes)};
}

OperationResult hash(const Arguments& a) {
    const auto* algorithm = argument<std::string>(a, 0);
    const auto* data = argument<Bytes>(a, 1);
    if (!algorithm || !data)
        return badArguments("hash");
    const EVP_MD* digest = EVP_get_digestbyname(algorithm->c_str());
    if (!digest)
        return failure("ERR_OSSL_EVP_UNSUPPORTED", "Digest method not supported");
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned length = 0;
    if (EVP_Digest(data->data(), data->size(), out.data(), &length, digest, nullptr) != 1)
        return cryptoFailure("hash");
    out.resize(length);
    return {std::nullopt, std::move(out)};
}

// hkdf(digest, key, salt, info, keylen) -> bytes (RFC 5869, OpenSSL's HKDF).
OperationResult hkdf(const Arguments& a) {
    const auto* algorithm = argument<std::string>(a, 0);
    const auto* key = argument<Bytes>(a, 1);
    const auto* salt = argument<Bytes>(a, 2);
    const auto* info = argument<Bytes>(a, 3);
    const auto* length = argument<double>(a, 4);
    if (!algorithm || !key || !salt || !info || !length || *length < 0)
        return badArguments("hkdf");
    const EVP_MD* digest = EVP_get_digestbyname(algorithm->c_str());
    if (!digest)
        return failure("ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: " + *algorithm);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> context(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr),
                                                                      &EVP_PKEY_CTX_free);
    Bytes out(static_cast<std::size_t>(*length));
    std::size_t size = out.size();
    static const unsigned char kNothing = 0;
    const auto bytesOrNothing = [](const Bytes& bytes) { return bytes.empty() ? &kNothing : bytes.data(); };
    if (!context || EVP_PKEY_derive_init(context.get()) <= 0 || EVP_PKEY_CTX_set_hkdf_md(context.get(), digest) <= 0 ||
        EVP_PKEY_CTX_set1_hkdf_salt(context.get(), bytesOrNothing(*salt), int(salt->size())) <= 0 ||
        EVP_PKEY_CTX_set1_hkdf_key(context.get(), bytesOrNothing(*key), int(key->size())) <= 0 ||
        EVP_PKEY_CTX_add1_hkdf_info(context.get(), bytesOrNothing(*info), int(info->size())) <= 0 ||
        (size > 0 && EVP_PKEY_derive(context.get(), out.data(), &size) <= 0))
        return cryptoFailure("hkdf");
    out.resize(size);
    return {std::nullopt, std::move(out)};
}

OperationResult hmac(const Arguments& a) {
    const auto* algorithm = argument<std::string>(a, 0);
    const auto* key = argument<Bytes>(a, 1);
    const auto* data = argument<Bytes>(a, 2);
    if (!algorithm || !key || !data)
        return badArguments("hmac");
    const EVP_MD* digest = EVP_get_digestbyname(algorithm->c_str());
    if (!digest)
        return failure("ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: " + *algorithm);
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned length = 0;
    if (!HMAC(digest, key->data(), int(key->size()), data->data(), data->size(), out.data(), &length))
        return cryptoFailure("hmac");
    out.resize(length);
    return {std::nullopt, std::move(out)};
}

// ---- zlib: windowBits 15 + 16 is gzip, 15 zlib's own format, -15 raw deflate

OperationResult zlibError(int code) {
    OperationError error;
    error.errnoValue = code;
    switch (code) {
    case Z_DATA_ERROR: error.code = "Z_DATA_ERROR"; error.message = "incorrect header check"; break;
    case Z_BUF_ERROR: error.code = "Z_BUF_ERROR"; error.message = "unexpected end of file"; break;
    case Z_MEM_ERROR: error.code = "Z_MEM_ERROR"; error.message = "out of memory"; break;
    default: error.code = "Z_STREAM_ERROR"; error.message = "zlib stream error"; break;
    }
    return {error, {}};
}

OperationResult compress(const Arguments& a, int windowBits) {
    const auto* data = argument<Bytes>(a, 0);
    const auto* level = argument<double>(a, 1);
    if (!data)
        return badArguments("deflate");
    z_stream stream{};
    if (deflateInit2(&stream, level ? int(*level) : Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        return zlibError(Z_STREAM_ERROR);
    Bytes out(deflateBound(&stream, uLong(data->size())));
    stream.next_in = const_cast<Bytef*>(data->data());
    stream.avail_in = uInt(data->size());
    stream.next_out = out.data();
    stream.avail_out = uInt(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (rc != Z_STREAM_END)
        return zlibError(rc);
    return {std::nullopt, std::move(out)};
}

OperationResult decompress(const Arguments& a, int windowBits) {
    const auto* data = argument<Bytes>(a, 0);
    if (!data)
        return badArguments("inflate");
    z_stream stream{};
    if (inflateInit2(&stream, windowBits) != Z_OK)
        return zlibError(Z_STREAM_ERROR);
    Bytes out;
    Bytef chunk[64 * 1024];
    stream.next_in = const_cast<Bytef*>(data->data());
    stream.avail_in = uInt(data->size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        stream.next_out = chunk;
        stream.avail_out = sizeof chunk;
        rc = inflate(&stream, Z_NO_FLUSH);
        out.insert(out.end(), chunk, chunk + (sizeof chunk - stream.avail_out));
        if (rc == Z_OK && stream.avail_in == 0 && stream.avail_out != 0)
            rc = Z_BUF_ERROR;  // the input ended before the stream did
    }
    inflateEnd(&stream);
    if (rc != Z_STREAM_END)
        return zlibError(rc);
    return {std::nullopt, std::move(out)};
}

OperationResult zlibStreamCreate(const Arguments& a) {
    const auto* kind = argument<std::string>(a, 0);
    const auto* level = argument<double>(a, 1);
    const auto* windowBits = argument<double>(a, 2);
    const auto* memLevel = argument<double>(a, 3);
    const auto* strategy = argument<double>(a, 4);
    if (!kind || !level || !windowBits || !memLevel || !strategy)
        return badArguments("zlibStreamCreate");
    return ZlibStreams::instance().create(*kind, int(*level), int(*windowBits), int(*memLevel), int(*strategy));
}

OperationResult zlibStreamWrite(const Arguments& a) {
    const auto* id = argument<double>(a, 0);
    const auto* input = argument<Bytes>(a, 1);
    const auto* flush = argument<double>(a, 2);
    if (!id || !input || !flush)
        return badArguments("zlibStreamWrite");
    return ZlibStreams::instance().write(std::uint64_t(*id), *input, int(*flush));
}

OperationResult zlibStreamClose(const Arguments& a) {
    const auto* id = argument<double>(a, 0);
    if (!id)
        return badArguments("zlibStreamClose");
    ZlibStreams::instance().close(std::uint64_t(*id));
    return {std::nullopt, {}};
}

// ---- ciphers: a context kept across calls (CipherContexts), on the loop thread

std::uint64_t cipherId(const Arguments& a) {
    const auto* id = argument<double>(a, 0);
    return id ? std::uint64_t(*id) : 0;
}

OperationResult cipherCreate(const Arguments& a) {
    const auto* name = argument<std::string>(a, 0);
    const auto* key = argument<Bytes>(a, 1);
    const auto* hasIv = argument<double>(a, 2);
    const auto* iv = argument<Bytes>(a, 3);
    const auto* encrypt = argument<double>(a, 4);
    const auto* authTagLength = argument<double>(a, 5);
    if (!name || !key || !hasIv || !iv || !encrypt || !authTagLength)
        return badArguments("cipherCreate");
    return CipherContexts::instance().create(*name, *key, *hasIv != 0, *iv, *encrypt != 0, int(*authTagLength));
}

OperationResult cipherWithBytes(const Arguments& a,
                                OperationResult (CipherContexts::*call)(std::uint64_t, const Bytes&)) {
    const auto* bytes = argument<Bytes>(a, 1);
    if (!bytes)
        return badArguments("cipher");
    return (CipherContexts::instance().*call)(cipherId(a), *bytes);
}

OperationResult cipherNames(const Arguments&) {
    std::string joined;
    for (const std::string& name : CipherContexts::names())
        joined += (joined.empty() ? "" : "\n") + name;
    return {std::nullopt, std::move(joined)};
}

using Operation = std::function<OperationResult(const Arguments&)>;

const std::map<std::string, Operation>& operations() {
    static const std::map<std::string, Operation> table = {
        {"open", fsOpen},
        {"close", fsClose},
        {"fsync", fsFsync},
        {"read", fsRead},
        {"write", fsWrite},
        {"fstat", [](const Arguments& a) { return fsStat(a, "fstat"); }},
        {"stat", [](const Arguments& a) { return fsStat(a, "stat"); }},
        {"lstat", [](const Arguments& a) { return fsStat(a, "lstat"); }},
        {"readdir", fsReaddir},
        {"statfs", fsStatfs},
        {"unlink", [](const Arguments& a) { return fsPathCall(a, "unlink"); }},
        {"rmdir", [](const Arguments& a) { return fsPathCall(a, "rmdir"); }},
        {"mkdir", [](const Arguments& a) { return fsPathCall(a, "mkdir"); }},
        {"access", [](const Arguments& a) { return fsPathCall(a, "access"); }},
        {"rename", [](const Arguments& a) { return fsTwoPaths(a, "rename"); }},
        {"mkdtemp", [](const Arguments& a) { return fsPathAnswer(a, "mkdtemp"); }},
        {"realpath", [](const Arguments& a) { return fsPathAnswer(a, "realpath"); }},
        {"readlink", [](const Arguments& a) { return fsPathAnswer(a, "readlink"); }},
        {"copyfile", [](const Arguments& a) { return fsTwoPaths(a, "copyfile"); }},
        {"symlink", [](const Arguments& a) { return fsTwoPaths(a, "symlink"); }},
        {"link", [](const Arguments& a) { return fsTwoPaths(a, "link"); }},
        {"chmod", [](const Arguments& a) { return fsChangePath(a, "chmod"); }},
        {"utime", [](const Arguments& a) { return fsChangePath(a, "utime"); }},
        {"ftruncate", [](const Arguments& a) { return fsChangeDescriptor(a, "ftruncate"); }},
        {"fchmod", [](const Arguments& a) { return fsChangeDescriptor(a, "fchmod"); }},
        {"fdatasync", [](const Arguments& a) { return fsChangeDescriptor(a, "fdatasync"); }},
        {"futime", [](const Arguments& a) { return fsChangeDescriptor(a, "futime"); }},
        {"brotliCompress", brotliCompress},
        {"brotliDecompress", brotliDecompress},
        {"getaddrinfo", lookup},
        {"pbkdf2", pbkdf2},
        {"scrypt", scrypt},
        {"randomBytes", randomBytes},
        {"hash", hash},
        {"hmac", hmac},
        {"hkdf", hkdf},
        {"gzip", [](const Arguments& a) { return compress(a, 15 + 16); }},
        {"deflate", [](const Arguments& a) { return compress(a, 15); }},
        {"deflateRaw", [](const Arguments& a) { return compress(a, -15); }},
        {"gunzip", [](const Arguments& a) { return decompress(a, 15 + 16); }},
        {"inflate", [](const Arguments& a) { return decompress(a, 15); }},
        {"inflateRaw", [](const Arguments& a) { return decompress(a, -15); }},
        {"unzip", [](const Arguments& a) { return decompress(a, 15 + 32); }},
        {"zlibStreamCreate", zlibStreamCreate},
        {"zlibStreamWrite", zlibStreamWrite},
        {"zlibStreamClose", zlibStreamClose},
        {"opendir",
         [](const Arguments& a) {
             const auto* path = argument<std::string>(a, 0);
             return path ? DirectoryStreams::instance().open(*path) : badArguments("opendir");
         }},
        {"dirRead",
         [](const Arguments& a) {
             const auto* id = argument<double>(a, 0);
             const auto* size = argument<double>(a, 1);
             return id && size ? DirectoryStreams::instance().read(std::uint64_t(*id), int(*size)) : badArguments("dirRead");
         }},
        {"dirClose",
         [](const Arguments& a) {
             const auto* id = argument<double>(a, 0);
             return id ? DirectoryStreams::instance().close(std::uint64_t(*id)) : badArguments("dirClose");
         }},
        {"cipherCreate", cipherCreate},
        {"cipherUpdate", [](const Arguments& a) { return cipherWithBytes(a, &CipherContexts::update); }},
        {"cipherSetAAD", [](const Arguments& a) { return cipherWithBytes(a, &CipherContexts::setAAD); }},
        {"cipherSetAuthTag", [](const Arguments& a) { return cipherWithBytes(a, &CipherContexts::setAuthTag); }},
        {"cipherFinal", [](const Arguments& a) { return CipherContexts::instance().final(cipherId(a)); }},
        {"cipherGetAuthTag", [](const Arguments& a) { return CipherContexts::instance().authTag(cipherId(a)); }},
        {"cipherSetAutoPadding",
         [](const Arguments& a) {
             const auto* padding = argument<double>(a, 1);
             return CipherContexts::instance().setAutoPadding(cipherId(a), padding && *padding != 0);
         }},
        {"cipherFree",
         [](const Arguments& a) {
             CipherContexts::instance().free(cipherId(a));
             return OperationResult{};
         }},
        {"cipherNames", cipherNames},
        {"keyGenerate", [](const Arguments& a) { return AsymmetricKeys::instance().generate(a); }},
        {"keyPublic", [](const Arguments& a) { return AsymmetricKeys::instance().publicHalf(a); }},
        {"keyExport", [](const Arguments& a) { return AsymmetricKeys::instance().exportKey(a); }},
        {"keyImport", [](const Arguments& a) { return AsymmetricKeys::instance().importKey(a); }},
        {"keyInfo", [](const Arguments& a) { return AsymmetricKeys::instance().describe(a); }},
        {"keyCipher", [](const Arguments& a) { return AsymmetricKeys::instance().cipher(a); }},
        {"sign", [](const Arguments& a) { return AsymmetricKeys::instance().sign(a); }},
        {"verify", [](const Arguments& a) { return AsymmetricKeys::instance().verify(a); }},
        {"keyFree",
         [](const Arguments& a) {
             const auto* id = argument<double>(a, 0);
             if (id)
                 AsymmetricKeys::instance().free(std::uint64_t(*id));
             return OperationResult{};
         }},
    };
    return table;
}

}  // namespace

OperationResult runOperation(const OperationCall& call) {
    auto found = operations().find(call.name);
    if (found == operations().end())
        return failure("ERR_INVALID_ARG_TYPE", "no operation named " + call.name);
    return found->second(call.arguments);
}

bool operationComputes(const std::string& name) {
    static const char* const computing[] = {"pbkdf2", "scrypt", "randomBytes", "hash", "hmac", "gzip", "deflate",
                                            "deflateRaw", "gunzip", "inflate", "inflateRaw", "unzip",
                                            "zlibStreamWrite", "keyGenerate", "sign", "verify"};
    for (const char* each : computing)
        if (name == each)
            return true;
    return false;
}

}  // namespace loopscope
