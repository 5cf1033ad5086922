#include "DirectoryStreams.h"

#include "OperationFailures.h"

namespace loopscope {

DirectoryStreams& DirectoryStreams::instance() {
    static DirectoryStreams streams;
    return streams;
}

OperationResult DirectoryStreams::open(const std::string& path) {
    uv_fs_t request{};
    const int rc = uv_fs_opendir(nullptr, &request, path.c_str(), nullptr);
    auto* dir = static_cast<uv_dir_t*>(request.ptr);
    uv_fs_req_cleanup(&request);
    if (rc < 0)
        return fsFailure(rc, "opendir", path);
    std::lock_guard lock(mutex_);
    const std::uint64_t id = next_++;
    streams_.emplace(id, Stream{dir, path});
    return {std::nullopt, double(id)};
}

OperationResult DirectoryStreams::read(std::uint64_t id, int bufferSize) {
    uv_dir_t* dir = nullptr;
    {
        std::lock_guard lock(mutex_);
        const auto found = streams_.find(id);
        if (found != streams_.end())
            dir = found->second.dir;
    }
    if (!dir)
        return operationFailure("ERR_DIR_CLOSED", "Directory handle was closed");
    std::vector<uv_dirent_t> slots(std::size_t(bufferSize > 0 ? bufferSize : 32));
    dir->dirents = slots.data();
    dir->nentries = slots.size();
    uv_fs_t request{};
    const int rc = uv_fs_readdir(nullptr, &request, dir, nullptr);
    std::vector<DirectoryEntry> entries;
    for (int at = 0; at < rc; ++at)
        entries.push_back({slots[std::size_t(at)].name, int(slots[std::size_t(at)].type)});
    uv_fs_req_cleanup(&request);
    if (rc < 0)
        return fsFailure(rc, "scandir", "");
    return {std::nullopt, std::move(entries)};
}

OperationResult DirectoryStreams::close(std::uint64_t id) {
    Stream stream;
    {
        std::lock_guard lock(mutex_);
        const auto found = streams_.find(id);
        if (found == streams_.end())
            return operationFailure("ERR_DIR_CLOSED", "Directory handle was closed");
        stream = found->second;
        streams_.erase(found);
    }
    uv_fs_t request{};
    const int rc = uv_fs_closedir(nullptr, &request, stream.dir, nullptr);
    uv_fs_req_cleanup(&request);
    if (rc < 0)
        return fsFailure(rc, "closedir", stream.path);
    return {std::nullopt, {}};
}

}  // namespace loopscope
