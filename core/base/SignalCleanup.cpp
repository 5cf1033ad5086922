#include "SignalCleanup.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <pthread.h>
#include <unistd.h>

namespace loopscope {
namespace {

// A few at once: one per output being written, and outputs are written one after the other.
constexpr int kSlots = 8;
constexpr std::size_t kMaxPath = 4096;

enum SlotState : int { kFree = 0, kFilling = 1, kArmed = 2 };
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler reads the slot states");

struct Slot {
    std::atomic<int> state{kFree};
    char path[kMaxPath];
};
Slot gSlots[kSlots];

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
constexpr int kSignalCount = int(sizeof kSignals / sizeof kSignals[0]);
struct sigaction gPrevious[kSignalCount];

void removeRegisteredFiles(int signal, siginfo_t* info, void* context) {
    const int savedErrno = errno;
    for (Slot& slot : gSlots)
        if (slot.state.load(std::memory_order_acquire) == kArmed)
            ::unlink(slot.path);  // async-signal-safe
    errno = savedErrno;
    int which = 0;
    while (which < kSignalCount && kSignals[which] != signal)
        ++which;
    const struct sigaction& previous = gPrevious[which];
    if (previous.sa_flags & SA_SIGINFO) {
        previous.sa_sigaction(signal, info, context);
    } else if (previous.sa_handler == SIG_DFL) {
        // Blocked while this handler runs: it ends the process as soon as the handler returns.
        ::sigaction(signal, &previous, nullptr);
        ::raise(signal);
    } else if (previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal);
    }
}

bool isOurs(const struct sigaction& action) {
    return (action.sa_flags & SA_SIGINFO) && action.sa_sigaction == removeRegisteredFiles;
}

bool isIgnored(const struct sigaction& action) {
    return !(action.sa_flags & SA_SIGINFO) && action.sa_handler == SIG_IGN;
}

// At every registration, not once: whoever set a handler since (a test harness, a child
// that reset its signals) is chained to rather than left to skip the removal.
void installHandlers() {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    sigset_t block, old;
    sigemptyset(&block);
    for (int signal : kSignals)
        sigaddset(&block, signal);
    ::pthread_sigmask(SIG_BLOCK, &block, &old);  // never half a `previous` in this thread's handler
    for (int i = 0; i < kSignalCount; ++i) {
        struct sigaction current {};
        ::sigaction(kSignals[i], nullptr, &current);
        if (isOurs(current) || isIgnored(current))
            continue;  // ignored (nohup and friends): the signal must stay harmless
        gPrevious[i] = current;
        struct sigaction action {};
        action.sa_sigaction = removeRegisteredFiles;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_SIGINFO | SA_RESTART;
        ::sigaction(kSignals[i], &action, nullptr);
    }
    ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
}

}  // namespace

int removeOnSignal(const char* path) {
    const std::size_t length = std::strlen(path);
    if (length >= kMaxPath)
        return -1;
    installHandlers();
    for (int ticket = 0; ticket < kSlots; ++ticket) {
        int expected = kFree;
        if (!gSlots[ticket].state.compare_exchange_strong(expected, kFilling, std::memory_order_acquire))
            continue;
        // The handler reads the path only once the slot is armed, so it never sees half a name.
        std::memcpy(gSlots[ticket].path, path, length + 1);
        gSlots[ticket].state.store(kArmed, std::memory_order_release);
        return ticket;
    }
    return -1;
}

void forgetRemoveOnSignal(int ticket) {
    if (ticket >= 0 && ticket < kSlots)
        gSlots[ticket].state.store(kFree, std::memory_order_release);
}

}  // namespace loopscope
