#include "ProcessUsage.h"


#include <sys/resource.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

namespace loopscope {

namespace {

// "VmRSS:\t  1234 kB" -> 1234 * 1024; "Threads:\t5" -> 5.
std::int64_t fieldValue(std::string_view line, std::string_view name) {
    std::string_view rest = line.substr(name.size());
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t'))
        rest.remove_prefix(1);
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
    if (error != std::errc())
        return 0;
    const std::string_view unit = std::string_view(end, static_cast<size_t>(rest.data() + rest.size() - end));
    return unit.find("kB") != std::string_view::npos ? value * 1024 : value;
}

Nanoseconds fromTimeval(const timeval& t) {
    return static_cast<Nanoseconds>(t.tv_sec) * kSecond + static_cast<Nanoseconds>(t.tv_usec) * kMicrosecond;
}

}  // namespace

ProcessStatus parseProcessStatus(std::string_view text) {
    ProcessStatus status;
    while (!text.empty()) {
        const size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (line.starts_with("Threads:"))
            status.threads = static_cast<int>(fieldValue(line, "Threads:"));
        else if (line.starts_with("VmRSS:"))
            status.rssBytes = fieldValue(line, "VmRSS:");
        else if (line.starts_with("VmSize:"))
            status.vmBytes = fieldValue(line, "VmSize:");
        else if (line.starts_with("VmHWM:"))
            status.peakRssBytes = fieldValue(line, "VmHWM:");
        else if (line.starts_with("VmPeak:"))
            status.peakVmBytes = fieldValue(line, "VmPeak:");
    }
    return status;
}

std::optional<ProcessStatus> readProcessStatus(int pid) {
    std::ifstream file(pid == 0 ? std::string("/proc/self/status") : "/proc/" + std::to_string(pid) + "/status");
    if (!file)
        return std::nullopt;
    std::stringstream text;
    text << file.rdbuf();
    const std::string content = text.str();
    if (content.empty())
        return std::nullopt;
    return parseProcessStatus(content);
}

std::vector<int> clusterProcessesOf(int pid) {
    std::vector<int> found;
    const std::string self = std::to_string(pid);
    std::ifstream children("/proc/" + self + "/task/" + self + "/children");
    int child = 0;
    while (children >> child) {
        std::ifstream file("/proc/" + std::to_string(child) + "/cmdline");
        std::stringstream text;
        text << file.rdbuf();
        if (isClusterProcessCommandLine(text.str()))
            found.push_back(child);
    }
    return found;
}

bool isClusterProcessCommandLine(std::string_view cmdline) {
    // Arguments are separated by NUL bytes: match a whole argument.
    for (std::size_t at = 0; at < cmdline.size();) {
        const std::size_t end = std::min(cmdline.find('\0', at), cmdline.size());
        const std::string_view argument = cmdline.substr(at, end - at);
        if (argument == kClusterProcessOption || argument == kClusterWorkerOption || argument == kForkedChildOption)
            return true;
        at = end + 1;
    }
    return false;
}

ProcessSampler::ProcessSampler(int pid, Nanoseconds interval) {
    thread_ = std::thread([this, pid, interval] {
        const auto begin = std::chrono::steady_clock::now();
        while (!stopping_.load()) {
            auto status = readProcessStatus(pid);
            if (!status)
                return;  // the process has ended
            // A cluster run is its primary and the processes it started.
            for (int process : clusterProcessesOf(pid))
                if (const auto more = readProcessStatus(process)) {
                    status->threads += more->threads;
                    status->rssBytes += more->rssBytes;
                    status->vmBytes += more->vmBytes;
                    status->peakRssBytes += more->peakRssBytes;
                    status->peakVmBytes += more->peakVmBytes;
                }
            const auto at = std::chrono::steady_clock::now() - begin;
            {
                std::lock_guard<std::mutex> lock(mutex_);
                samples_.push_back({std::chrono::duration_cast<std::chrono::nanoseconds>(at).count(), *status});
            }
            std::this_thread::sleep_for(std::chrono::nanoseconds(interval));
        }
    });
}

ProcessSampler::~ProcessSampler() { stop(); }

void ProcessSampler::stop() {
    stopping_ = true;
    if (thread_.joinable())
        thread_.join();
}

std::vector<ProcessSample> ProcessSampler::samples() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return samples_;
}

ProcessTotals readOwnProcessTotals() {
    ProcessTotals totals;
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) {
        totals.cpuUser = fromTimeval(usage.ru_utime);
        totals.cpuSystem = fromTimeval(usage.ru_stime);
        totals.voluntarySwitches = usage.ru_nvcsw;
        totals.involuntarySwitches = usage.ru_nivcsw;
    }
    if (const auto status = readProcessStatus(0)) {
        totals.peakRssBytes = status->peakRssBytes;
        totals.peakVmBytes = status->peakVmBytes;
        totals.threadsAtEnd = status->threads;
    }
    return totals;
}

}  // namespace loopscope
