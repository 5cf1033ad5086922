#include "ThreadPerRequestEngine.h"

#include <arpa/inet.h>
#include <http_parser.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <poll.h>

#include "CpuBurn.h"
#include "FileDescriptorLimit.h"
#include "HttpResponse.h"
#include "LoadDriver.h"
#include "NetPeer.h"

namespace loopscope {

namespace {

bool containsStep(const StepList& steps, StepKind kind);

bool containsStep(const AwaitTarget& target, StepKind kind) {
    if (containsStep(target.promise, kind))
        return true;
    for (const AwaitTarget& input : target.inputs)
        if (containsStep(input, kind))
            return true;
    return false;
}

bool containsStep(const StepList& steps, StepKind kind) {
    for (const Step& step : steps) {
        if (step.kind == kind || containsStep(step.run, kind) || containsStep(step.then, kind))
            return true;
        for (const AwaitTarget& target : step.awaited)
            if (containsStep(target, kind))
                return true;
    }
    return false;
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// The values `{i}`, `{tick}` and `{request}` stand for where a step runs.
struct Scope {
    int i = 0;
    int tick = 0;
};

// One thread's state while it runs steps: the main script's, or a request's.
struct Context {
    Lane lane;
    std::uint64_t request = 0;  // 0 in the main script
    int fd = -1;                // the request's connection
    bool keepAlive = false;
    // Shared with the threads forked by `await all/race`: one response per request.
    std::shared_ptr<std::atomic<bool>> responded = std::make_shared<std::atomic<bool>>(false);
    std::set<std::string> clearedIntervals;
    // Threads forked by `await all/race` that may still run (race losers); joined
    // before the request's connection closes.
    std::vector<std::thread> forks;
};

class Run {
public:
    Run(const Scenario& scenario, TraceSink& sink) : scenario_(scenario), sink_(sink) {}

    EngineResult execute();

private:
    // Trace time is scenario time: wall time since the start divided by time_scale,
    // as the event-loop engine reports it.
    Nanoseconds now() const { return toScenarioTime(uv_hrtime() - origin_); }
    Nanoseconds toScenarioTime(std::uint64_t wall) const {
        return static_cast<Nanoseconds>(static_cast<double>(wall) / scenario_.runtime.timeScale);
    }
    Nanoseconds scaled(Nanoseconds duration) const {
        return static_cast<Nanoseconds>(std::llround(static_cast<double>(duration) * scenario_.runtime.timeScale));
    }

    void emit(EventKind kind, const Lane& lane, std::uint64_t id = 0, std::int64_t value = 0,
              std::string text = {}, SourceLocation step = {}, QueueKind queue = QueueKind::None,
              Phase phase = Phase::None, std::optional<Nanoseconds> at = std::nullopt) {
        TraceEvent event;
        event.ts = at ? *at : now();
        event.kind = kind;
        event.lane = lane;
        event.id = id;
        event.value = value;
        event.text = std::move(text);
        event.step = step;
        event.queue = queue;
        event.phase = phase;
        sink_.record(event);
    }
    void counter(const char* name, std::int64_t value) { emit(EventKind::Counter, Lane{}, 0, value, name); }

    std::string expand(const std::string& text, const Context& context, const Scope& scope) const {
        std::string out = text;
        replaceAll(out, "{i}", std::to_string(scope.i));
        replaceAll(out, "{tick}", std::to_string(scope.tick));
        replaceAll(out, "{request}", std::to_string(context.request));
        return out;
    }

    // Steps, as their blocking twins.
    void runSteps(const StepList& steps, Context& context, Scope scope);
    void runStep(const Step& step, Context& context, Scope scope);
    void runCallback(const StepList& body, Context& context, Scope scope, const Step& from, QueueKind queue);
    void awaitTarget(const AwaitTarget& target, Context& context, Scope scope);
    void awaitForked(const AwaitTarget& target, Context& context, Scope scope);
    void joinForks(Context& context);
    bool block(Nanoseconds duration, const Context& context, const Step& step);
    void compute(Nanoseconds duration, const Context& context, const Step& step, const std::string& label);
    void callPeer(const Step& step, Context& context);
    std::string queryPeer(std::uint64_t id, Nanoseconds takes);
    void respond(Context& context, int status, const Step& step);

    // The server.
    void listenForRequests();
    void acceptLoop();
    void serveConnection(int fd, std::uint32_t threadNumber);
    static void* threadEntry(void* argument);
    void startClient();

    void stop();  // idempotent; any thread
    bool horizonPassed() const { return uv_hrtime() >= horizonAt_; }

    const Scenario& scenario_;
    TraceSink& sink_;
    std::uint64_t origin_ = 0;
    std::uint64_t horizonAt_ = 0;  // uv_hrtime() at which the run stops
    std::atomic<bool> stopping_{false};
    std::atomic<std::uint64_t> nextId_{1};
    std::atomic<std::uint64_t> nextRequest_{1};
    std::atomic<std::int64_t> requestsInFlight_{0};

    std::mutex sleepMutex_;  // sleeping threads wait on sleepCv_ so that stop() wakes them
    std::condition_variable sleepCv_;

    std::mutex stateMutex_;  // threads alive, the client's end, open connections
    std::condition_variable stateCv_;
    int slotsTaken_ = 0;      // request threads alive, plus the one accept() is about to start
    int threadsAlive_ = 0;    // request threads alive
    std::uint32_t threadsCreated_ = 0;
    bool clientDone_ = false;
    std::unordered_set<int> openConnections_;
    std::vector<std::string> problems_;

    int listenFd_ = -1;
    std::thread acceptThread_;
    std::unique_ptr<NetPeer> peer_;
    std::uint16_t peerPort_ = 0;
    struct PeerConnection {
        int fd = -1;
        std::mutex writeMutex;
        PeerConnection() = default;
        PeerConnection(PeerConnection&&) noexcept {}  // only moved while still empty
    };
    struct PeerWaiter {
        bool done = false;  // guarded by peerMutex_
        std::condition_variable answered;  // one per caller: an answer wakes only its thread
    };
    static constexpr std::size_t kPeerConnections = 16;
    void connectToPeer();
    void readPeerAnswers();
    std::vector<PeerConnection> peerConnections_;
    std::thread peerReader_;
    std::mutex peerMutex_;
    std::unordered_map<std::uint64_t, std::shared_ptr<PeerWaiter>> peerWaiters_;
    std::string peerError_;
    std::unique_ptr<LoadDriver> load_;
    std::once_flag stopOnce_;
};

struct ThreadStart {
    Run* run;
    int fd;
    std::uint32_t number;
};

void Run::runSteps(const StepList& steps, Context& context, Scope scope) {
    for (const Step& step : steps) {
        if (stopping_.load(std::memory_order_relaxed))
            return;
        runStep(step, context, scope);
    }
}

void Run::runCallback(const StepList& body, Context& context, Scope scope, const Step& from, QueueKind queue) {
    const std::uint64_t id = nextId_++;
    emit(EventKind::CallbackBegin, context.lane, id, 0, {}, from.where, queue);
    runSteps(body, context, scope);
    emit(EventKind::CallbackEnd, context.lane, id, 0, {}, from.where, queue);
}

bool Run::block(Nanoseconds duration, const Context& context, const Step& step) {
    emit(EventKind::ThreadBlock, context.lane, 0, 0, stepKeyword(step.kind), step.where);
    const std::uint64_t until = std::min<std::uint64_t>(uv_hrtime() + static_cast<std::uint64_t>(scaled(duration)),
                                                        horizonAt_);
    {
        std::unique_lock<std::mutex> lock(sleepMutex_);
        while (!stopping_.load() && uv_hrtime() < until)
            sleepCv_.wait_for(lock, std::chrono::nanoseconds(until - uv_hrtime()));
    }
    if (horizonPassed())
        stop();
    emit(EventKind::ThreadRun, context.lane, 0, 0, {}, step.where);
    return !stopping_.load();
}

void Run::compute(Nanoseconds duration, const Context& context, const Step& step, const std::string& label) {
    const std::uint64_t id = nextId_++;
    emit(EventKind::WorkBegin, context.lane, id, 0, label, step.where);
    // In slices, so that a computation longer than the horizon still ends the run on time.
    Nanoseconds left = scaled(duration);
    while (left > 0 && !stopping_.load()) {
        const Nanoseconds slice = std::min<Nanoseconds>(left, 5 * kMillisecond);
        burnCpu(slice);
        left -= slice;
        if (horizonPassed())
            stop();
    }
    emit(EventKind::WorkEnd, context.lane, id, 0, label, step.where);
}

void Run::callPeer(const Step& step, Context& context) {
    const std::uint64_t id = nextId_++;
    emit(EventKind::ThreadBlock, context.lane, id, 0, "net " + step.text, step.where);
    emit(EventKind::IoBegin, Lane{LaneKind::Kernel, 0, 0}, id, 0, step.text, step.where);
    const std::string error = queryPeer(id, scaled(step.duration));
    emit(EventKind::IoEnd, Lane{LaneKind::Kernel, 0, 0}, id, 0, step.text, step.where);
    emit(EventKind::ThreadRun, context.lane, id, 0, {}, step.where);
    if (!error.empty() && !stopping_.load()) {
        std::lock_guard<std::mutex> lock(stateMutex_);
        problems_.push_back("net " + step.text + ": " + error);
    }
}

// A blocking call, as a thread-per-request server makes it: the thread writes its
// query and sleeps until the answer is in. Queries share kPeerConnections pipelined
// connections (the event-loop engine's NetClient uses at most as many), so that
// 10,000 waiting threads need no 10,000 sockets of their own; one thread reads the
// answers and wakes their callers. NetPeer protocol: "ID NANOSECONDS\n" -> "ID\n".
std::string Run::queryPeer(std::uint64_t id, Nanoseconds takes) {
    auto waiter = std::make_shared<PeerWaiter>();
    PeerConnection* connection = nullptr;
    {
        std::lock_guard<std::mutex> lock(peerMutex_);
        if (stopping_.load())
            return "stopped";
        if (!peerError_.empty())
            return peerError_;
        connection = &peerConnections_[id % peerConnections_.size()];
        peerWaiters_[id] = waiter;
    }
    const std::string query = std::to_string(id) + " " + std::to_string(std::max<Nanoseconds>(takes, 0)) + "\n";
    {
        std::lock_guard<std::mutex> lock(connection->writeMutex);
        std::size_t done = 0;
        while (done < query.size()) {
            const ssize_t n = ::send(connection->fd, query.data() + done, query.size() - done, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                std::lock_guard<std::mutex> peerLock(peerMutex_);
                peerWaiters_.erase(id);
                return std::string("send: ") + std::strerror(errno);
            }
            done += static_cast<std::size_t>(n);
        }
    }
    std::unique_lock<std::mutex> lock(peerMutex_);
    waiter->answered.wait(lock, [&] { return waiter->done || stopping_.load() || !peerError_.empty(); });
    peerWaiters_.erase(id);
    if (waiter->done)
        return {};
    return stopping_.load() ? "stopped" : peerError_;
}

void Run::connectToPeer() {
    peerConnections_ = std::vector<PeerConnection>(kPeerConnections);
    for (PeerConnection& connection : peerConnections_) {
        connection.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (connection.fd < 0)
            throw std::runtime_error(std::string("cannot open a socket to the net peer: ") + std::strerror(errno));
        const int noDelay = 1;
        ::setsockopt(connection.fd, IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(peerPort_);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(connection.fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
            throw std::runtime_error(std::string("cannot connect to the net peer: ") + std::strerror(errno));
    }
    peerReader_ = std::thread([this] { readPeerAnswers(); });
}

void Run::readPeerAnswers() {
    std::vector<pollfd> polled;
    for (const PeerConnection& connection : peerConnections_)
        polled.push_back({connection.fd, POLLIN, 0});
    std::vector<std::string> partial(peerConnections_.size());
    char buffer[16 * 1024];
    std::string failure;
    std::vector<std::shared_ptr<PeerWaiter>> toWake;
    while (failure.empty()) {
        const int ready = ::poll(polled.data(), polled.size(), -1);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0) {
            failure = std::string("poll: ") + std::strerror(errno);
            break;
        }
        for (std::size_t k = 0; k < polled.size() && failure.empty(); ++k) {
            if (polled[k].revents == 0)
                continue;
            const ssize_t n = ::recv(polled[k].fd, buffer, sizeof buffer, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                failure = "the net peer closed the connection";
                break;
            }
            partial[k].append(buffer, static_cast<size_t>(n));
            {
                std::lock_guard<std::mutex> lock(peerMutex_);
                std::size_t lineStart = 0, newline;
                while ((newline = partial[k].find('\n', lineStart)) != std::string::npos) {
                    const std::uint64_t answered = std::strtoull(partial[k].c_str() + lineStart, nullptr, 10);
                    lineStart = newline + 1;
                    if (auto found = peerWaiters_.find(answered); found != peerWaiters_.end()) {
                        found->second->done = true;
                        toWake.push_back(found->second);
                    }
                }
                partial[k].erase(0, lineStart);
            }
            // Woken after the lock is released, a caller does not block again at once on
            // the mutex this thread still holds.
            for (const std::shared_ptr<PeerWaiter>& waiter : toWake)
                waiter->answered.notify_one();
            toWake.clear();
        }
    }
    std::lock_guard<std::mutex> lock(peerMutex_);
    peerError_ = stopping_.load() ? "stopped" : failure;
    for (auto& [id, waiter] : peerWaiters_)
        waiter->answered.notify_one();
}

void Run::respond(Context& context, int status, const Step& step) {
    if (context.fd < 0 || context.responded->exchange(true))
        return;  // as in Node, a second res.end() sends nothing
    const std::string bytes = encodeHttpResponse(status, {}, context.keepAlive, context.request);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(context.fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;  // the client went away; the request still ends here
        done += static_cast<std::size_t>(n);
    }
    emit(EventKind::RequestRespond, context.lane, context.request, static_cast<std::int64_t>(context.request),
         std::to_string(status), step.where);
    counter("requests in flight", --requestsInFlight_);
}

void Run::awaitTarget(const AwaitTarget& target, Context& context, Scope scope) {
    switch (target.kind) {
    case AwaitTarget::Kind::Value:
    case AwaitTarget::Kind::Thenable:
        return;  // already settled: a blocking program does not wait for a value
    case AwaitTarget::Kind::Promise:
        runSteps(target.promise, context, scope);
        return;
    case AwaitTarget::Kind::All:
    case AwaitTarget::Kind::Race:
        awaitForked(target, context, scope);
        return;
    }
}

// Promise.all and Promise.race as thread-per-request code writes them: a fork-join.
// Each input runs on a thread of its own (ThreadCreate on a new Thread lane) while the
// caller blocks until every input (all) or the first one (race) has finished. Race
// losers run on, as the losing promises do in Node, and are joined before the
// request's connection closes.
void Run::awaitForked(const AwaitTarget& target, Context& context, Scope scope) {
    if (target.inputs.empty())
        return;  // Promise.all([]) is already settled; Promise.race([]) never is, but blocks nobody here
    struct Joined {
        std::mutex mutex;
        std::condition_variable changed;
        std::size_t finished = 0;
    };
    auto joined = std::make_shared<Joined>();
    const bool race = target.kind == AwaitTarget::Kind::Race;
    const std::size_t needed = race ? 1 : target.inputs.size();
    emit(EventKind::ThreadBlock, context.lane, 0, 0, race ? "Promise.race" : "Promise.all", target.where);
    const std::size_t firstFork = context.forks.size();
    for (const AwaitTarget& input : target.inputs) {
        std::uint32_t number;
        int alive;
        {
            std::lock_guard<std::mutex> lock(stateMutex_);
            number = threadsCreated_++;
            alive = ++threadsAlive_;
        }
        const Lane lane{LaneKind::Thread, 0, number};
        emit(EventKind::ThreadCreate, lane, number);
        counter("threads alive", alive);
        Context fork;
        fork.lane = lane;
        fork.request = context.request;
        fork.fd = context.fd;
        fork.keepAlive = context.keepAlive;
        fork.responded = context.responded;
        context.forks.emplace_back([this, &input, joined, scope, fork = std::move(fork)]() mutable {
            awaitTarget(input, fork, scope);
            joinForks(fork);
            int stillAlive;
            {
                std::lock_guard<std::mutex> lock(stateMutex_);
                stillAlive = --threadsAlive_;
            }
            emit(EventKind::ThreadExit, fork.lane, fork.lane.index);
            counter("threads alive", stillAlive);
            std::lock_guard<std::mutex> lock(joined->mutex);
            ++joined->finished;
            joined->changed.notify_all();
        });
    }
    {
        // Every fork ends soon after stop(): its blocking steps watch stopping_.
        std::unique_lock<std::mutex> lock(joined->mutex);
        joined->changed.wait(lock, [&] { return joined->finished >= needed; });
    }
    if (!race) {
        for (std::size_t k = firstFork; k < context.forks.size(); ++k)
            context.forks[k].join();
        context.forks.erase(context.forks.begin() + static_cast<std::ptrdiff_t>(firstFork), context.forks.end());
    }
    emit(EventKind::ThreadRun, context.lane, 0, 0, {}, target.where);
}

void Run::joinForks(Context& context) {
    for (std::thread& fork : context.forks)
        fork.join();
    context.forks.clear();
}

void Run::runStep(const Step& step, Context& context, Scope scope) {
    switch (step.kind) {
    case StepKind::Log:
        emit(EventKind::Log, context.lane, 0, 0, expand(step.text, context, scope), step.where);
        return;
    case StepKind::Cpu:
        compute(step.duration, context, step, step.text.empty() ? "cpu" : expand(step.text, context, scope));
        return;
    case StepKind::Call:
    case StepKind::Async: {
        emit(EventKind::FramePush, context.lane, 0, 0, step.text, step.where);
        runSteps(step.run, context, scope);
        emit(EventKind::FramePop, context.lane, 0, 0, step.text, step.where);
        return;
    }
    case StepKind::SetTimeout:
        if (block(std::max(step.duration, kMillisecond), context, step))
            runCallback(step.run, context, scope, step, QueueKind::Timers);
        return;
    case StepKind::SetInterval:
        for (int tick = 1; step.count == 0 || tick <= step.count; ++tick) {
            if (!block(std::max(step.duration, kMillisecond), context, step))
                return;
            if (!step.timerId.empty() && context.clearedIntervals.count(step.timerId))
                return;
            Scope inTick = scope;
            inTick.tick = tick;
            runCallback(step.run, context, inTick, step, QueueKind::Timers);
            if (!step.timerId.empty() && context.clearedIntervals.count(step.timerId))
                return;
        }
        return;
    case StepKind::SetImmediate:
        runCallback(step.run, context, scope, step, QueueKind::Check);
        return;
    case StepKind::NextTick:
        runCallback(step.run, context, scope, step, QueueKind::NextTick);
        return;
    case StepKind::QueueMicrotask:
        runCallback(step.run, context, scope, step, QueueKind::Microtask);
        return;
    case StepKind::Promise:
        runCallback(step.run, context, scope, step, QueueKind::Microtask);
        if (step.hasThen)
            runCallback(step.then, context, scope, step, QueueKind::Microtask);
        return;
    case StepKind::ReadFile:
    case StepKind::ReadFileSync:
    case StepKind::Sleep:
        if (block(step.duration, context, step) && step.kind == StepKind::ReadFile)
            runCallback(step.then, context, scope, step, QueueKind::Poll);
        return;
    case StepKind::Pbkdf2:
    case StepKind::Gzip:
    case StepKind::DnsLookup:
    case StepKind::Worker:
        if (computesOnThreadPool(step.kind) || step.kind == StepKind::Worker)
            compute(step.duration, context, step, stepKeyword(step.kind));
        else if (!block(step.duration, context, step))
            return;
        runCallback(step.then, context, scope, step, QueueKind::Poll);
        return;
    case StepKind::Net:
        callPeer(step, context);
        runCallback(step.then, context, scope, step, QueueKind::Poll);
        return;
    case StepKind::Respond:
        respond(context, step.count, step);
        return;
    case StepKind::Await:
        for (const AwaitTarget& target : step.awaited)
            awaitTarget(target, context, scope);
        return;
    case StepKind::Repeat:
        for (int i = 1; i <= step.count && !stopping_.load(); ++i) {
            Scope iteration = scope;
            iteration.i = i;
            runSteps(step.run, context, iteration);
        }
        return;
    case StepKind::ClearTimeout:
        return;  // the blocking twin of a timer has already run when anything could clear it
    case StepKind::ClearInterval:
        context.clearedIntervals.insert(step.timerId);
        return;
    case StepKind::Close:
        runCallback(step.run, context, scope, step, QueueKind::Close);
        return;
    }
}

void Run::listenForRequests() {
    // One socket per request on each side, plus the net peer's two per query.
    const FileDescriptorRaise raise = ensureFileDescriptors(
        static_cast<std::uint64_t>(scenario_.totalRequests()) * 4 + 256);
    if (!raise.ok)
        problems_.push_back(raise.message);
    listenFd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listenFd_ < 0)
        throw std::runtime_error(std::string("cannot create the server socket: ") + std::strerror(errno));
    const int reuse = 1;
    ::setsockopt(listenFd_, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof reuse);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listenFd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listenFd_, 4096) != 0)
        throw std::runtime_error(std::string("cannot listen on 127.0.0.1: ") + std::strerror(errno));
    acceptThread_ = std::thread([this] { acceptLoop(); });
}

void Run::acceptLoop() {
    const int maxThreads = std::max(1, scenario_.threads.max);
    for (;;) {
        {
            // Beyond threads.max, connections stay in the listen backlog.
            std::unique_lock<std::mutex> lock(stateMutex_);
            stateCv_.wait(lock, [&] { return slotsTaken_ < maxThreads || stopping_.load(); });
            if (stopping_.load())
                return;
            ++slotsTaken_;
        }
        const int fd = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            const int error = errno;
            std::unique_lock<std::mutex> lock(stateMutex_);
            --slotsTaken_;
            if (stopping_.load())
                return;
            if (error == EINTR || error == ECONNABORTED)
                continue;
            if (error == EMFILE || error == ENFILE || error == ENOBUFS || error == ENOMEM) {
                problems_.push_back(std::string("accept: ") + std::strerror(error));
                lock.unlock();
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
                continue;
            }
            problems_.push_back(std::string("accept: ") + std::strerror(error));
            return;
        }
        const int noDelay = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay);
        std::uint32_t number;
        {
            std::lock_guard<std::mutex> lock(stateMutex_);
            number = threadsCreated_++;
            openConnections_.insert(fd);
            ++threadsAlive_;
        }
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        const std::int64_t page = ::sysconf(_SC_PAGESIZE);
        std::int64_t stack = std::max<std::int64_t>(scenario_.threads.stackBytes, PTHREAD_STACK_MIN);
        stack = (stack + page - 1) / page * page;
        pthread_attr_setstacksize(&attributes, static_cast<size_t>(stack));
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        auto* start = new ThreadStart{this, fd, number};
        pthread_t thread;
        const int rc = pthread_create(&thread, &attributes, &Run::threadEntry, start);
        pthread_attr_destroy(&attributes);
        if (rc != 0) {
            delete start;
            ::close(fd);
            std::lock_guard<std::mutex> lock(stateMutex_);
            openConnections_.erase(fd);
            --slotsTaken_;
            --threadsAlive_;
            problems_.push_back(std::string("cannot create a thread: ") + std::strerror(rc));
            stateCv_.notify_all();
        }
    }
}

void* Run::threadEntry(void* argument) {
    std::unique_ptr<ThreadStart> start(static_cast<ThreadStart*>(argument));
    start->run->serveConnection(start->fd, start->number);
    return nullptr;
}

void Run::serveConnection(int fd, std::uint32_t threadNumber) {
    const Lane lane{LaneKind::Thread, 0, threadNumber};
    int alive;
    {
        std::lock_guard<std::mutex> lock(stateMutex_);
        alive = threadsAlive_;
    }
    emit(EventKind::ThreadCreate, lane, threadNumber);
    counter("threads alive", alive);

    struct ParseState {
        bool complete = false;
    } parseState;
    http_parser parser;
    http_parser_init(&parser, HTTP_REQUEST);
    parser.data = &parseState;
    http_parser_settings settings;
    http_parser_settings_init(&settings);
    settings.on_message_complete = [](http_parser* p) {
        static_cast<ParseState*>(p->data)->complete = true;
        http_parser_pause(p, 1);  // one request at a time; the rest of the bytes wait
        return 0;
    };

    std::string unparsed;
    char buffer[4096];
    bool open = true;
    while (open && !stopping_.load()) {
        // Parse what we have; read more only when it holds no complete request.
        parseState.complete = false;
        if (!unparsed.empty()) {
            const size_t used = http_parser_execute(&parser, &settings, unparsed.data(), unparsed.size());
            unparsed.erase(0, used);
        }
        const auto error = HTTP_PARSER_ERRNO(&parser);
        if (error == HPE_PAUSED)
            http_parser_pause(&parser, 0);
        else if (error != HPE_OK || parser.upgrade) {
            const std::string rejection = encodeHttpResponse(400, "Bad Request\n", false, 0);
            ::send(fd, rejection.data(), rejection.size(), MSG_NOSIGNAL);
            break;
        }
        if (!parseState.complete) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;  // the client closed (or stop() shut the socket down)
            unparsed.append(buffer, static_cast<size_t>(n));
            continue;
        }
        Context context;
        context.lane = lane;
        context.fd = fd;
        context.keepAlive = http_should_keep_alive(&parser) != 0;
        context.request = nextRequest_++;
        emit(EventKind::RequestArrive, lane, context.request, static_cast<std::int64_t>(context.request));
        counter("requests in flight", ++requestsInFlight_);
        if (scenario_.server) {
            Step handler;
            handler.where = scenario_.server->where;
            runCallback(scenario_.server->handler, context, Scope{}, handler, QueueKind::Poll);
        }
        joinForks(context);
        if (!*context.responded) {
            // A handler that never responds leaves its client waiting; here the thread
            // ends, and its connection closes unanswered.
            counter("requests in flight", --requestsInFlight_);
            open = false;
        }
        open = open && context.keepAlive;
    }
    int stillAlive;
    {
        std::lock_guard<std::mutex> lock(stateMutex_);
        openConnections_.erase(fd);
        ::close(fd);
        stillAlive = threadsAlive_ - 1;
    }
    emit(EventKind::ThreadExit, lane, threadNumber);
    counter("threads alive", stillAlive);
    // The last touch of the run: once the count is down, execute() may return.
    std::lock_guard<std::mutex> lock(stateMutex_);
    --threadsAlive_;
    --slotsTaken_;
    stateCv_.notify_all();
}

void Run::startClient() {
    sockaddr_in address{};
    socklen_t length = sizeof address;
    ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&address), &length);
    load_ = std::make_unique<LoadDriver>(scenario_, ntohs(address.sin_port), origin_,
                                         static_cast<Nanoseconds>(horizonAt_ - uv_hrtime()), sink_, [this] {
                                             std::lock_guard<std::mutex> lock(stateMutex_);
                                             clientDone_ = true;
                                             stateCv_.notify_all();
                                         });
    load_->start();
}

void Run::stop() {
    std::call_once(stopOnce_, [this] {
        {
            std::lock_guard<std::mutex> lock(sleepMutex_);
            stopping_ = true;
        }
        sleepCv_.notify_all();
        std::lock_guard<std::mutex> lock(stateMutex_);
        if (listenFd_ >= 0)
            ::shutdown(listenFd_, SHUT_RDWR);  // wakes accept()
        for (int fd : openConnections_)
            ::shutdown(fd, SHUT_RDWR);  // wakes a thread waiting for its next request
        for (PeerConnection& connection : peerConnections_)
            ::shutdown(connection.fd, SHUT_RDWR);  // ends the answer reader
        stateCv_.notify_all();
    });
}

EngineResult Run::execute() {
    EngineResult result;
    origin_ = uv_hrtime();
    horizonAt_ = origin_ + static_cast<std::uint64_t>(std::max<Nanoseconds>(scaled(scenario_.runtime.horizon), 1));
    emit(EventKind::RunBegin, Lane{}, 0, static_cast<std::int64_t>(EngineKind::ThreadPerRequest));
    try {
        if (containsStep(scenario_.main, StepKind::Net) ||
            (scenario_.server && containsStep(scenario_.server->handler, StepKind::Net)))
        {
            peer_ = std::make_unique<NetPeer>();
            peerPort_ = peer_->start();
            connectToPeer();
        }
        if (scenario_.server) {
            listenForRequests();
            startClient();
        } else {
            clientDone_ = true;
        }
    } catch (const std::exception& error) {
        result.ok = false;
        result.error = error.what();
    }

    if (result.ok) {
        Context main;
        main.lane = Lane{LaneKind::Main, 0, 0};
        emit(EventKind::PhaseEnter, main.lane, 0, 0, {}, {}, QueueKind::None, Phase::MainScript);
        runSteps(scenario_.main, main, Scope{});
        joinForks(main);
        emit(EventKind::PhaseLeave, main.lane, 0, 0, {}, {}, QueueKind::None, Phase::MainScript);

        // The run ends when every request has ended and every thread has exited, or at the horizon.
        std::unique_lock<std::mutex> lock(stateMutex_);
        const bool finished = stateCv_.wait_for(lock, std::chrono::nanoseconds(horizonAt_ - std::min(horizonAt_, uv_hrtime())),
                                                [&] { return stopping_.load() || (clientDone_ && threadsAlive_ == 0); });
        lock.unlock();
        (void)finished;
    }
    stop();
    if (load_) {
        load_->cancel();
        load_->wait();
    }
    if (acceptThread_.joinable())
        acceptThread_.join();
    {
        std::unique_lock<std::mutex> lock(stateMutex_);
        stateCv_.wait(lock, [&] { return threadsAlive_ == 0; });
    }
    if (peerReader_.joinable())
        peerReader_.join();
    for (PeerConnection& connection : peerConnections_)
        ::close(connection.fd);
    peer_.reset();
    if (listenFd_ >= 0)
        ::close(listenFd_);
    std::string problems;
    for (const std::string& problem : problems_)
        problems += (problems.empty() ? "" : "; ") + problem;
    emit(EventKind::RunEnd, Lane{}, 0, result.ok ? 0 : 1, result.ok ? problems : result.error);
    return result;
}

}  // namespace

EngineResult ThreadPerRequestEngine::run(const Scenario& scenario, TraceSink& sink) {
    Run run(scenario, sink);
    return run.execute();
}

}  // namespace loopscope
