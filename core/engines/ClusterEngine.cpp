#include "ClusterEngine.h"

#include <signal.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include <uv.h>

#include "CpuBurn.h"
#include "EngineProcess.h"
#include "LoadDriver.h"
#include "ProcessUsage.h"
#include "TraceCodec.h"

namespace loopscope {

namespace {

const Lane kPrimaryLane{LaneKind::Main, 0, 0};
// What the primary writes on a channel with each connection it hands over.
char kHandOver[] = "c";
// How long processes may take to end after the horizon before they are killed.
constexpr std::uint64_t kGraceMs = 3000;
constexpr std::uint64_t kThreadSampleMs = 5;

class ClusterRun;

// One process of the cluster, as its primary sees it.
struct ClusterProcess {
    ClusterRun* run = nullptr;
    int index = 0;
    uv_process_t process{};
    uv_pipe_t channel{};  // IPC: connections go out, the "serving" byte comes in
    uv_pipe_t events{};   // its TraceEvents (TraceCodec frames)
    int pid = 0;
    bool channelOpen = false;
    bool serving = false;
    bool exited = false;
    std::int64_t exitStatus = 0;
    int termSignal = 0;
    bool reportedEnd = false;
    std::int64_t endCode = 0;
    std::string endText;
    TraceDecoder decoder;
    std::vector<TraceEvent> decoded;
    char readBuffer[64 * 1024];
};

class ClusterRun {
public:
    ClusterRun(const Scenario& scenario, TraceSink& sink, const std::string& file, const std::string& executable)
        : scenario_(scenario), sink_(sink), file_(file), executable_(executable) {}

    EngineResult run();

private:
    Nanoseconds now() const { return steadyNow() - start_; }
    Nanoseconds scaled(Nanoseconds t) const { return Nanoseconds(double(t) * scenario_.runtime.timeScale); }
    bool serves() const { return scenario_.server && scenario_.totalRequests() > 0; }

    void listen();
    void spawn(ClusterProcess& process);
    void startLoadWhenServing();
    void handOver(uv_stream_t* listener);
    void forward(ClusterProcess& process, TraceEvent& event);
    void fail(std::string why);
    void endServing();  // no more connections: closes the socket and every channel
    void closeChannel(ClusterProcess& process);
    void reachHorizon();
    void sampleThreads();
    std::string verdict() const;

    static void onEvents(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
    static void onChannel(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
    static void onExit(uv_process_t* handle, std::int64_t status, int termSignal);

    const Scenario& scenario_;
    TraceSink& sink_;
    const std::string& file_;
    const std::string& executable_;
    Nanoseconds start_ = 0;

    uv_loop_t loop_{};
    uv_tcp_t listener_{};
    bool listening_ = false;
    std::uint16_t port_ = 0;
    uv_async_t loadDone_{};
    uv_timer_t horizonTimer_{};
    uv_timer_t killTimer_{};
    uv_timer_t threadSampler_{};
    std::vector<std::unique_ptr<ClusterProcess>> processes_;
    std::size_t nextProcess_ = 0;
    std::unique_ptr<LoadDriver> load_;
    bool horizonReached_ = false;
    std::string failure_;
    int peakThreads_ = 0;
};

void ClusterRun::listen() {
    uv_tcp_init(&loop_, &listener_);
    listener_.data = this;
    listening_ = true;
    sockaddr_in address{};
    uv_ip4_addr("127.0.0.1", 0, &address);
    auto check = [](const char* what, int rc) {
        if (rc != 0)
            throw std::runtime_error(std::string(what) + " 127.0.0.1: " + uv_strerror(rc));
    };
    check("cannot bind", uv_tcp_bind(&listener_, reinterpret_cast<const sockaddr*>(&address), 0));
    check("cannot listen on", uv_listen(reinterpret_cast<uv_stream_t*>(&listener_), 4096,
                                        [](uv_stream_t* listener, int status) {
                                            if (status == 0)
                                                static_cast<ClusterRun*>(listener->data)->handOver(listener);
                                        }));
    sockaddr_storage bound{};
    int length = sizeof bound;
    check("cannot read the address of", uv_tcp_getsockname(&listener_, reinterpret_cast<sockaddr*>(&bound), &length));
    port_ = ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
}

void ClusterRun::spawn(ClusterProcess& p) {
    uv_pipe_init(&loop_, &p.events, 0);
    uv_pipe_init(&loop_, &p.channel, 1);
    p.events.data = &p;
    p.channel.data = &p;
    p.process.data = &p;
    // The primary's settings (the scenario's, with the run's overrides) for every process.
    EngineOptions settings;
    settings.engine = EngineKind::EventLoop;
    settings.executable = executable_;
    settings.threadpool = scenario_.runtime.threadpool;
    settings.cores = scenario_.runtime.cores;
    settings.timeScale = scenario_.runtime.timeScale;
    settings.processes = scenario_.runtime.processes;
    std::vector<std::string> words = engineChildCommand(file_, settings);
    words.insert(words.end(), {kClusterProcessOption, std::to_string(p.index), "--cluster-origin", std::to_string(start_)});
    std::vector<char*> args;
    for (std::string& word : words)
        args.push_back(word.data());
    args.push_back(nullptr);
    // fd 3: its events, as for any engine child; fd 4: the connection channel.
    uv_stdio_container_t stdio[5];
    stdio[0].flags = UV_IGNORE;
    for (int fd = 1; fd <= 2; ++fd) {
        stdio[fd].flags = UV_INHERIT_FD;
        stdio[fd].data.fd = fd;
    }
    stdio[3].flags = uv_stdio_flags(UV_CREATE_PIPE | UV_WRITABLE_PIPE);
    stdio[3].data.stream = reinterpret_cast<uv_stream_t*>(&p.events);
    stdio[4].flags = uv_stdio_flags(UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE);
    stdio[4].data.stream = reinterpret_cast<uv_stream_t*>(&p.channel);
    uv_process_options_t options{};
    options.file = executable_.c_str();
    options.args = args.data();
    options.stdio = stdio;
    options.stdio_count = 5;
    options.exit_cb = &ClusterRun::onExit;
    if (int rc = uv_spawn(&loop_, &p.process, &options); rc != 0) {
        p.exited = true;
        uv_close(reinterpret_cast<uv_handle_t*>(&p.process), nullptr);
        uv_close(reinterpret_cast<uv_handle_t*>(&p.events), nullptr);
        uv_close(reinterpret_cast<uv_handle_t*>(&p.channel), nullptr);
        throw std::runtime_error("cannot start cluster process " + std::to_string(p.index + 1) + ": " +
                                 uv_strerror(rc));
    }
    p.pid = p.process.pid;
    p.channelOpen = true;
    auto alloc = [](uv_handle_t* handle, size_t, uv_buf_t* buf) {
        auto* process = static_cast<ClusterProcess*>(handle->data);
        *buf = uv_buf_init(process->readBuffer, sizeof process->readBuffer);
    };
    uv_read_start(reinterpret_cast<uv_stream_t*>(&p.events), alloc, &ClusterRun::onEvents);
    uv_read_start(reinterpret_cast<uv_stream_t*>(&p.channel), alloc, &ClusterRun::onChannel);
}

void ClusterRun::onEvents(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
    auto* p = static_cast<ClusterProcess*>(stream->data);
    ClusterRun* self = p->run;
    if (nread < 0) {
        uv_close(reinterpret_cast<uv_handle_t*>(stream), nullptr);
        return;
    }
    p->decoded.clear();
    if (!p->decoder.feed(buf->base, std::size_t(nread), p->decoded)) {
        self->fail("cluster process " + std::to_string(p->index + 1) + " sent events that do not decode");
        uv_close(reinterpret_cast<uv_handle_t*>(stream), nullptr);
        if (!p->exited)
            uv_process_kill(&p->process, SIGKILL);
    }
    for (TraceEvent& event : p->decoded)
        self->forward(*p, event);
}

void ClusterRun::forward(ClusterProcess& p, TraceEvent& event) {
    placeInProcess(event, std::uint16_t(p.index));
    switch (event.kind) {
    case EventKind::RunBegin:
        return;  // the primary's begins the run
    case EventKind::RunEnd:
        p.reportedEnd = true;
        p.endCode = event.value;
        p.endText = event.text;
        if (event.value != 0)
            fail("cluster process " + std::to_string(p.index + 1) + ": " + event.text);
        return;
    default:
        sink_.record(event);
    }
}

void ClusterRun::onChannel(uv_stream_t* stream, ssize_t nread, const uv_buf_t*) {
    auto* p = static_cast<ClusterProcess*>(stream->data);
    if (nread < 0) {
        p->run->closeChannel(*p);
        return;
    }
    if (nread > 0 && !p->serving) {
        p->serving = true;
        p->run->startLoadWhenServing();
    }
}

void ClusterRun::onExit(uv_process_t* handle, std::int64_t status, int termSignal) {
    auto* p = static_cast<ClusterProcess*>(handle->data);
    p->exited = true;
    p->exitStatus = status;
    p->termSignal = termSignal;
    uv_close(reinterpret_cast<uv_handle_t*>(handle), nullptr);
    ClusterRun* self = p->run;
    const std::string name = "cluster process " + std::to_string(p->index + 1);
    if (termSignal != 0 && !self->horizonReached_)
        self->fail(name + " crashed (signal " + std::to_string(termSignal) + ")");
    else if (status != 0 && termSignal == 0 && !p->reportedEnd)
        self->fail(name + " ended with exit code " + std::to_string(status));
    self->closeChannel(*p);
}

void ClusterRun::startLoadWhenServing() {
    if (load_ || !failure_.empty() || horizonReached_)
        return;
    for (const auto& p : processes_)
        if (!p->serving)
            return;
    // As in Node, the primary deals connections once its processes listen.
    load_ = std::make_unique<LoadDriver>(scenario_, port_, std::uint64_t(start_), scaled(scenario_.runtime.horizon),
                                         sink_, [this] { uv_async_send(&loadDone_); });
    load_->start();
}

void ClusterRun::handOver(uv_stream_t* listener) {
    auto* client = new uv_tcp_t;
    uv_tcp_init(&loop_, client);
    auto drop = [](uv_handle_t* handle) { delete reinterpret_cast<uv_tcp_t*>(handle); };
    if (uv_accept(listener, reinterpret_cast<uv_stream_t*>(client)) != 0) {
        uv_close(reinterpret_cast<uv_handle_t*>(client), drop);
        return;
    }
    // Round-robin over the processes still taking connections.
    ClusterProcess* target = nullptr;
    for (std::size_t tried = 0; tried < processes_.size() && !target; ++tried) {
        ClusterProcess& candidate = *processes_[nextProcess_++ % processes_.size()];
        if (candidate.channelOpen)
            target = &candidate;
    }
    auto* write = new uv_write_t;
    write->data = client;
    uv_buf_t buf = uv_buf_init(kHandOver, 1);
    const int rc = target ? uv_write2(write, reinterpret_cast<uv_stream_t*>(&target->channel), &buf, 1,
                                      reinterpret_cast<uv_stream_t*>(client),
                                      [](uv_write_t* req, int) {
                                          // The socket is the process's now (or never will be).
                                          uv_close(static_cast<uv_handle_t*>(req->data), [](uv_handle_t* handle) {
                                              delete reinterpret_cast<uv_tcp_t*>(handle);
                                          });
                                          delete req;
                                      })
                          : UV_EPIPE;
    if (rc != 0) {
        delete write;
        uv_close(reinterpret_cast<uv_handle_t*>(client), drop);
    }
}

void ClusterRun::closeChannel(ClusterProcess& p) {
    if (!p.channelOpen)
        return;
    p.channelOpen = false;
    uv_close(reinterpret_cast<uv_handle_t*>(&p.channel), nullptr);
}

void ClusterRun::endServing() {
    if (listening_) {
        listening_ = false;
        uv_close(reinterpret_cast<uv_handle_t*>(&listener_), nullptr);
    }
    for (auto& p : processes_)
        closeChannel(*p);
}

void ClusterRun::fail(std::string why) {
    if (!failure_.empty())
        return;
    failure_ = std::move(why);
    // The run has failed: the other processes are ended rather than waited for.
    if (load_)
        load_->cancel();
    endServing();
    for (auto& p : processes_)
        if (!p->exited && p->pid > 0)
            uv_process_kill(&p->process, SIGKILL);
}

void ClusterRun::reachHorizon() {
    horizonReached_ = true;
    if (load_)
        load_->cancel();
    endServing();
    // Every process stops at the horizon itself; one that does not is ended.
    uv_timer_start(&killTimer_, [](uv_timer_t* timer) {
        auto* self = static_cast<ClusterRun*>(timer->data);
        for (auto& p : self->processes_)
            if (!p->exited)
                uv_process_kill(&p->process, SIGKILL);
    }, kGraceMs, 0);
}

void ClusterRun::sampleThreads() {
    int threads = readProcessStatus(0).value_or(ProcessStatus{}).threads;
    for (const auto& p : processes_)
        if (!p->exited && p->pid > 0)
            if (const auto status = readProcessStatus(p->pid))
                threads += status->threads;
    peakThreads_ = std::max(peakThreads_, threads);
}

std::string ClusterRun::verdict() const {
    if (!failure_.empty())
        return failure_;
    for (const auto& p : processes_)
        if (!p->reportedEnd)
            return "cluster process " + std::to_string(p->index + 1) + " ended without finishing its run";
    return {};
}

EngineResult ClusterRun::run() {
    start_ = steadyNow();
    // A process that dies while a connection is being handed to it must fail the run
    // with its own name, not take the primary down with SIGPIPE (Node ignores it too).
    signal(SIGPIPE, SIG_IGN);
    const int count = scenario_.runtime.processes;
    sink_.record([&] {
        TraceEvent begin;
        begin.ts = 0;
        begin.kind = EventKind::RunBegin;
        begin.lane = kPrimaryLane;
        begin.value = std::int64_t(EngineKind::EventLoop);
        begin.text = std::string("event loop on libuv ") + uv_version_string() + ", cluster of " +
                     std::to_string(count) + " processes, connections dealt round-robin" +
                     " (timers run at the top of each iteration)";
        return begin;
    }());
    uv_loop_init(&loop_);
    uv_async_init(&loop_, &loadDone_, [](uv_async_t* async) {
        static_cast<ClusterRun*>(async->data)->endServing();
    });
    loadDone_.data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(&loadDone_));
    for (uv_timer_t* timer : {&horizonTimer_, &killTimer_, &threadSampler_}) {
        uv_timer_init(&loop_, timer);
        timer->data = this;
        uv_unref(reinterpret_cast<uv_handle_t*>(timer));
    }
    try {
        if (serves())
            listen();
        for (int index = 0; index < count; ++index) {
            auto p = std::make_unique<ClusterProcess>();
            p->run = this;
            p->index = index;
            processes_.push_back(std::move(p));
            spawn(*processes_.back());
        }
        if (!serves())
            endServing();
    } catch (const std::exception& error) {
        fail(error.what());
    }
    const Nanoseconds horizon = scaled(scenario_.runtime.horizon);
    uv_timer_start(&horizonTimer_, [](uv_timer_t* timer) { static_cast<ClusterRun*>(timer->data)->reachHorizon(); },
                   std::uint64_t((horizon + kMillisecond - 1) / kMillisecond), 0);
    uv_timer_start(&threadSampler_, [](uv_timer_t* timer) { static_cast<ClusterRun*>(timer->data)->sampleThreads(); },
                   0, kThreadSampleMs);
    uv_run(&loop_, UV_RUN_DEFAULT);  // until every process has ended and its events are in

    // Before loadDone_ closes: the client may still call it while it winds down.
    if (load_) {
        load_->cancel();
        load_->wait();
    }
    endServing();
    for (uv_handle_t* handle : {reinterpret_cast<uv_handle_t*>(&loadDone_), reinterpret_cast<uv_handle_t*>(&horizonTimer_),
                                reinterpret_cast<uv_handle_t*>(&killTimer_),
                                reinterpret_cast<uv_handle_t*>(&threadSampler_)})
        uv_close(handle, nullptr);
    uv_run(&loop_, UV_RUN_DEFAULT);
    uv_loop_close(&loop_);
    load_.reset();

    EngineResult result;
    result.error = verdict();
    result.ok = result.error.empty();
    bool stoppedAtHorizon = horizonReached_;
    for (const auto& p : processes_)
        stoppedAtHorizon = stoppedAtHorizon || p->endText == kStoppedAtHorizon;
    const Nanoseconds end = now();
    TraceEvent threads;
    threads.ts = end;
    threads.kind = EventKind::Counter;
    threads.lane = kPrimaryLane;
    threads.text = kCounterPeakThreads;
    threads.value = peakThreads_;
    sink_.record(threads);
    TraceEvent runEnd;
    runEnd.ts = end;
    runEnd.kind = EventKind::RunEnd;
    runEnd.lane = kPrimaryLane;
    runEnd.value = result.ok ? 0 : 1;
    runEnd.text = !result.ok ? result.error : stoppedAtHorizon ? kStoppedAtHorizon : "";
    sink_.record(runEnd);
    sink_.flush();
    return result;
}

}  // namespace

ClusterEngine::ClusterEngine(std::string scenarioFile, std::string executable)
    : scenarioFile_(std::move(scenarioFile)), executable_(std::move(executable)) {}

EngineResult ClusterEngine::run(const Scenario& scenario, TraceSink& sink) {
    ClusterRun run(scenario, sink, scenarioFile_, executable_);
    return run.run();
}

}  // namespace loopscope
