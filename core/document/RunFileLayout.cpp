#include "RunFileLayout.h"

#include <algorithm>

#include <zlib.h>
#include <zstd.h>

#include "LargeBuffers.h"
#include "RunFile.h"
#include "RunFileBytes.h"

namespace loopscope {
namespace {

// Level 3 is zstd's default: most of what higher levels save at a fraction of their time.
constexpr int kCompressionLevel = 3;

std::uint32_t crc32Of(std::string_view first, std::string_view second = {}) {
    uLong crc = crc32_z(0, nullptr, 0);
    // Never a null pointer: zlib takes it as "start again" and returns the initial value.
    for (const std::string_view part : {first, second})
        if (!part.empty())
            crc = crc32_z(crc, reinterpret_cast<const Bytef*>(part.data()), part.size());
    return std::uint32_t(crc);
}

std::string sectionName(std::size_t number, std::size_t offset) {
    return "section " + std::to_string(number) + " at byte " + std::to_string(offset);
}

struct Header {
    std::uint64_t fileSize = 0;
    std::uint32_t sectionCount = 0;
};

Header readHeader(std::string_view bytes) {
    ByteReader in(bytes.substr(0, kRunFileHeaderBytes), "the header");
    in.raw(kRunFileMagic.size());
    const std::uint32_t version = in.fixed32();
    // The version is read before the checksum: a newer format may lay out the rest anew.
    if (version > kRunFileVersion)
        throw RunFileDamage("made by a newer loopscope (format " + std::to_string(version) + "; this one reads format " +
                            std::to_string(kRunFileVersion) + ")");
    const std::uint32_t flags = in.fixed32();
    Header header;
    header.fileSize = in.fixed64();
    header.sectionCount = in.fixed32();
    const std::uint32_t storedCrc = in.fixed32();
    if (crc32Of(bytes.substr(0, kRunFileHeaderBytes - 4)) != storedCrc)
        throw RunFileDamage("corrupt: the header fails its checksum (the file is damaged)");
    if (version == 0)
        throw RunFileDamage("bad header: format 0 does not exist");
    if (flags != 0)
        throw RunFileDamage("bad header: flags " + std::to_string(flags) + " are not defined in format 1");
    if (header.fileSize < kRunFileHeaderBytes || header.fileSize > kMaxRunFileBytes)
        throw RunFileDamage("bad header: a file size of " + std::to_string(header.fileSize) + " bytes (at most " +
                            std::to_string(kMaxRunFileBytes) + " are read)");
    return header;
}

void checkSize(const Header& header, InputSize size) {
    if (size.bytes < header.fileSize)
        throw RunFileDamage("truncated: the header says the file has " + std::to_string(header.fileSize) +
                            " bytes, it has " + std::to_string(size.bytes));
    // A stream read no further than one byte past the end cannot say how much more follows.
    if (size.bytes > header.fileSize)
        throw RunFileDamage((size.atLeast ? std::string() : std::to_string(size.bytes - header.fileSize) + " ") +
                            "trailing bytes after the " + std::to_string(header.fileSize) +
                            " the header says the file has");
}

SectionFrame readFrame(std::string_view file, std::size_t offset, std::size_t number) {
    const std::string where = sectionName(number, offset);
    if (file.size() - offset < kSectionHeaderBytes)
        throw RunFileDamage("bad " + where + ": its header runs past the end of the file");
    ByteReader in(file.substr(offset, kSectionHeaderBytes), where);
    SectionFrame frame;
    frame.offset = offset;
    frame.type = in.fixed32();
    const std::uint64_t storedSize = in.fixed64();
    frame.contentSize = in.fixed64();
    const std::uint32_t storedCrc = in.fixed32();
    const std::size_t start = offset + kSectionHeaderBytes;
    if (storedSize > file.size() - start)
        throw RunFileDamage("bad " + where + ": its " + std::to_string(storedSize) +
                            " bytes run past the end of the file (byte " + std::to_string(file.size()) + ")");
    frame.stored = file.substr(start, std::size_t(storedSize));
    if (crc32Of(file.substr(offset, kSectionHeaderBytes - 4), frame.stored) != storedCrc)
        throw RunFileDamage("corrupt: " + where + " fails its checksum (the file is damaged)");
    return frame;
}

}  // namespace

std::string frameSection(SectionType type, std::string_view content) {
    std::string stored(ZSTD_compressBound(content.size()), '\0');
    const std::size_t storedSize =
        ZSTD_compress(stored.data(), stored.size(), content.data(), content.size(), kCompressionLevel);
    if (ZSTD_isError(storedSize))  // only with too small a buffer, and it is the bound
        throw std::runtime_error(std::string("zstd cannot compress: ") + ZSTD_getErrorName(storedSize));
    stored.resize(storedSize);
    return frameStoredSection(std::uint32_t(type), stored, content.size());
}

std::string frameStoredSection(std::uint32_t type, std::string_view stored, std::uint64_t contentSize) {
    ByteWriter out;
    out.fixed32(type);
    out.fixed64(stored.size());
    out.fixed64(contentSize);
    out.fixed32(crc32Of(out.bytes(), stored));
    out.raw(stored);
    return std::move(out.bytes());
}

std::string runFileHeader(std::uint64_t fileSize, std::uint32_t sectionCount) {
    ByteWriter out;
    out.raw(kRunFileMagic);
    out.fixed32(kRunFileVersion);
    out.fixed32(0);
    out.fixed64(fileSize);
    out.fixed32(sectionCount);
    out.fixed32(crc32Of(out.bytes()));
    return std::move(out.bytes());
}

std::vector<SectionFrame> readSectionFrames(std::string_view bytes, InputSize size) {
    const std::size_t magicSeen = std::min(bytes.size(), kRunFileMagic.size());
    if (bytes.empty() || bytes.substr(0, magicSeen) != kRunFileMagic.substr(0, magicSeen))
        throw RunFileDamage("not a loopscope run file (" + describeForeignFile(bytes) + ")");
    if (bytes.size() < kRunFileHeaderBytes)
        throw RunFileDamage("truncated: a run file's header has " + std::to_string(kRunFileHeaderBytes) +
                            " bytes, the file has " + std::to_string(bytes.size()));
    const Header header = readHeader(bytes);
    checkSize(header, size);
    const std::string_view file = bytes.substr(0, std::size_t(header.fileSize));
    if (header.sectionCount > (file.size() - kRunFileHeaderBytes) / kSectionHeaderBytes)
        throw RunFileDamage("bad header: " + std::to_string(header.sectionCount) + " sections cannot fit in " +
                            std::to_string(file.size()) + " bytes");
    std::vector<SectionFrame> frames;
    frames.reserve(header.sectionCount);
    std::size_t offset = kRunFileHeaderBytes;
    for (std::uint32_t k = 0; k < header.sectionCount; ++k) {
        frames.push_back(readFrame(file, offset, k + 1));
        offset += kSectionHeaderBytes + frames.back().stored.size();
    }
    if (offset != file.size())
        throw RunFileDamage("bad section table: " + std::to_string(file.size() - offset) + " bytes after the last of " +
                            std::to_string(header.sectionCount) + " sections");
    return frames;
}

SectionContent::SectionContent(std::size_t size)
    : bytes_(LargeBufferAllocator<char>().allocate(std::max<std::size_t>(size, 1))), size_(size) {}

SectionContent::~SectionContent() {
    if (bytes_)
        LargeBufferAllocator<char>().deallocate(bytes_, std::max<std::size_t>(size_, 1));
}

SectionContent decompressSection(const SectionFrame& frame, const std::string& where) {
    if (frame.contentSize > kMaxRunFileSectionBytes)
        throw RunFileDamage(where + " would decompress to " + std::to_string(frame.contentSize) +
                            " bytes, more than the " + std::to_string(kMaxRunFileSectionBytes) +
                            " a section may hold (a decompression bomb?)");
    const unsigned long long frameContent = ZSTD_getFrameContentSize(frame.stored.data(), frame.stored.size());
    if (frameContent != frame.contentSize ||
        ZSTD_findFrameCompressedSize(frame.stored.data(), frame.stored.size()) != frame.stored.size())
        throw RunFileDamage("bad " + where + ": its bytes are not one zstd frame of the " +
                            std::to_string(frame.contentSize) + " bytes its header gives");
    SectionContent content{std::size_t(frame.contentSize)};
    const std::size_t size = ZSTD_decompress(content.data(), content.size(), frame.stored.data(), frame.stored.size());
    if (ZSTD_isError(size))
        throw RunFileDamage("bad " + where + ": it does not decompress (" + ZSTD_getErrorName(size) + ")");
    if (size != content.size())
        throw RunFileDamage("bad " + where + ": it decompresses to " + std::to_string(size) + " bytes, its header says " +
                            std::to_string(content.size()));
    return content;
}

std::string describeForeignFile(std::string_view firstBytes) {
    if (firstBytes.empty())
        return "it is empty";
    if (firstBytes.size() >= 4 && std::uint8_t(firstBytes[0]) == 0x28 && std::uint8_t(firstBytes[1]) == 0xb5 &&
        std::uint8_t(firstBytes[2]) == 0x2f && std::uint8_t(firstBytes[3]) == 0xfd)
        return "it looks like zstd-compressed data";
    const std::string_view head = firstBytes.substr(0, 256);
    bool text = true;
    for (const char c : head)
        if ((std::uint8_t(c) < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
            text = false;
    if (!text)
        return "it looks like binary data of another kind";
    const std::size_t first = head.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && (head[first] == '{' || head[first] == '['))
        return "it looks like JSON text: a scenario or a Chrome trace is opened as one, not as a saved run";
    return "it looks like text, such as a YAML scenario or a program: open it as one, not as a saved run";
}

}  // namespace loopscope
