// The container of a run file, byte by byte as docs/run-file.md draws it: the header, then
// sections, each a frame of type, sizes and CRC-32 around one zstd frame. What the sections
// hold is DocumentSection.h and TraceSection.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope {

// Not text in any encoding (0x89 is no UTF-8 lead byte), so never a scenario; "\r\n" and
// "\x1a" catch a file mangled by newline conversion or by a text-mode copy, as PNG's do.
inline constexpr std::string_view kRunFileMagic{"\x89LSRUN\r\n\x1a\n", 10};
// magic, version u32, flags u32, file size u64, section count u32, CRC-32 u32
inline constexpr std::size_t kRunFileHeaderBytes = 34;
// type u32, stored size u64, content size u64, CRC-32 u32
inline constexpr std::size_t kSectionHeaderBytes = 24;

enum class SectionType : std::uint32_t { Document = 1, Trace = 2 };
// A section type with this bit set may be skipped by a reader that does not know it.
inline constexpr std::uint32_t kOptionalSectionBit = 0x80000000u;

struct SectionFrame {
    std::uint32_t type = 0;
    std::size_t offset = 0;    // of its header in the file
    std::string_view stored;   // the zstd frame
    std::uint64_t contentSize = 0;
};

// A section's frame around `content`, compressed.
std::string frameSection(SectionType type, std::string_view content);
// A section's frame around bytes already compressed, said to decompress to `contentSize`
// (tests make damaged files with it).
std::string frameStoredSection(std::uint32_t type, std::string_view stored, std::uint64_t contentSize);
// The header of a file of `fileSize` bytes in all with `sectionCount` sections.
std::string runFileHeader(std::uint64_t fileSize, std::uint32_t sectionCount);

// How many bytes the file really has: `bytes` may stop short of a stream's end.
struct InputSize {
    std::uint64_t bytes = 0;
    bool atLeast = false;  // a stream not read to its end: it has more
};

// Checks the header and the frame and checksum of every section, and returns the frames.
// Throws RunFileDamage with what is wrong (without the file's name).
std::vector<SectionFrame> readSectionFrames(std::string_view bytes, InputSize size);

// A section's content, decompressed and checked against its frame's size: a buffer of up
// to hundreds of megabytes, in huge pages (LargeBuffers.h). Throws RunFileDamage; `where`
// names the section.
class SectionContent {
public:
    explicit SectionContent(std::size_t size);
    ~SectionContent();
    SectionContent(SectionContent&& other) noexcept : bytes_(other.bytes_), size_(other.size_) { other.bytes_ = nullptr; }
    SectionContent& operator=(SectionContent&&) = delete;
    char* data() { return bytes_; }
    std::size_t size() const { return size_; }
    operator std::string_view() const { return {bytes_, size_}; }

private:
    char* bytes_;
    std::size_t size_;
};
SectionContent decompressSection(const SectionFrame& frame, const std::string& where);

// What a file that is no run file looks like, for the error: "YAML or other text ...".
std::string describeForeignFile(std::string_view firstBytes);

}  // namespace loopscope
