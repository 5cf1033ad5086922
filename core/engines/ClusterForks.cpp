#include "ClusterForks.h"

#include <signal.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "ConsoleOutput.h"
#include "LoadDriver.h"
#include "ProcessUsage.h"
#include "TraceCodec.h"
#include "TraceSink.h"

extern char** environ;

namespace loopscope {

namespace {

// As many at once as a step cluster may have processes.
constexpr std::size_t kMaxLiveWorkers = 64;
constexpr int kEventsFd = 3;
constexpr int kConnectionsFd = 4;
constexpr int kMessagesFd = 5;
char kHandOver[] = "c";

template <typename Handle>
uv_handle_t* handleOf(Handle* handle) {
    return reinterpret_cast<uv_handle_t*>(handle);
}

template <typename Handle>
uv_stream_t* streamOf(Handle* handle) {
    return reinterpret_cast<uv_stream_t*>(handle);
}

void closeOnce(uv_handle_t* handle) {
    if (!uv_is_closing(handle))
        uv_close(handle, nullptr);
}

}  // namespace

struct ClusterForks::Worker {
    ClusterForks* owner = nullptr;
    int id = 0;
    int pid = 0;
    uv_process_t process{};
    uv_pipe_t events{};       // its TraceEvents (TraceCodec frames)
    uv_pipe_t connections{};  // IPC: accepted connections go out, its "serving" byte comes in
    uv_pipe_t messages{};     // the primary's messages, one JSON text a line
    bool exited = false;
    bool eventsEnded = false;
    bool connected = true;    // its message channel
    bool connectionsOpen = true;
    bool serving = false;     // sharing a port
    bool finished = false;    // 'exit' delivered
    std::int64_t status = 0;
    int signal = 0;
    std::optional<int> reportedCode;  // the exit code its run reported
    TraceDecoder decoder;
    std::vector<TraceEvent> decoded;
};

struct ClusterForks::SharedPort {
    ClusterForks* owner = nullptr;
    uv_tcp_t listener{};
    bool open = false;
    std::uint16_t asked = 0;  // what the workers' listen() asked for (0: any)
    std::uint16_t port = 0;
    std::vector<int> workers;  // in the order they came, as Node's RoundRobinHandle
    std::size_t next = 0;
};

ClusterForks::ClusterForks(uv_loop_t* loop, TraceSink& sink, Nanoseconds origin, ForkCommand command,
                           const Scenario& load, Events events)
    : loop_(loop), sink_(sink), origin_(origin), command_(std::move(command)), load_(load),
      events_(std::move(events)) {
    uv_async_init(loop_, &loadDone_, [](uv_async_t* async) { static_cast<ClusterForks*>(async->data)->endLoad(); });
    loadDone_.data = this;
    uv_unref(handleOf(&loadDone_));
}

ClusterForks::~ClusterForks() { stopAll(); }

void ClusterForks::allocate(uv_handle_t* handle, size_t, uv_buf_t* buf) {
    auto* worker = static_cast<Worker*>(handle->data);
    *buf = uv_buf_init(worker->owner->readBuffer_, sizeof worker->owner->readBuffer_);
}

ClusterForks::Forked ClusterForks::fork(const std::vector<std::pair<std::string, std::string>>& environment,
                                        const ForkedProgram* program) {
    if (stopped_)
        throw std::runtime_error("the run is over");
    const std::size_t live = std::size_t(std::count_if(workers_.begin(), workers_.end(), [](const auto& entry) {
        return !entry.second->exited;
    }));
    if (live >= kMaxLiveWorkers)
        throw std::runtime_error("loopscope runs at most " + std::to_string(kMaxLiveWorkers) +
                                 " cluster workers at a time");
    auto owned = std::make_unique<Worker>();
    Worker& w = *owned;
    w.owner = this;
    w.id = nextId_;

    EngineOptions childOptions = command_.options;
    if (program)
        childOptions.programArguments = program->arguments;
    std::vector<std::string> words = engineChildCommand(program ? program->file : command_.file, childOptions);
    // Before the file (and the program's arguments after it).
    const std::size_t trailing = childOptions.programArguments.empty() ? 1 : 2 + childOptions.programArguments.size();
    const auto file = words.end() - std::ptrdiff_t(trailing);
    words.insert(file, {program ? kForkedChildOption : kClusterWorkerOption, std::to_string(w.id), "--cluster-origin",
                        std::to_string(origin_)});
    std::vector<char*> args;
    for (std::string& word : words)
        args.push_back(word.data());
    args.push_back(nullptr);
    // This process's environment, what fork() was given, and the worker's id (Node's way).
    std::vector<std::string> variables;
    auto set = [&variables](const std::string& name, const std::string& value) {
        const std::string prefix = name + "=";
        variables.erase(std::remove_if(variables.begin(), variables.end(),
                                       [&](const std::string& v) { return v.compare(0, prefix.size(), prefix) == 0; }),
                        variables.end());
        variables.push_back(prefix + value);
    };
    if (program && program->environment)
        variables = *program->environment;
    else
        for (char** entry = environ; *entry; ++entry)
            variables.emplace_back(*entry);
    for (const auto& [name, value] : environment)
        set(name, value);
    if (!program)
        set("NODE_UNIQUE_ID", std::to_string(w.id));
    std::vector<char*> env;
    for (std::string& variable : variables)
        env.push_back(variable.data());
    env.push_back(nullptr);

    for (uv_pipe_t* pipe : {&w.events, &w.connections, &w.messages}) {
        uv_pipe_init(loop_, pipe, pipe == &w.connections ? 1 : 0);
        pipe->data = &w;
    }
    w.process.data = &w;
    uv_stdio_container_t stdio[6];
    stdio[0].flags = UV_IGNORE;
    for (int fd = 1; fd <= 2; ++fd) {
        stdio[fd].flags = UV_INHERIT_FD;
        stdio[fd].data.fd = fd;
    }
    stdio[kEventsFd].flags = uv_stdio_flags(UV_CREATE_PIPE | UV_WRITABLE_PIPE);
    stdio[kEventsFd].data.stream = streamOf(&w.events);
    stdio[kConnectionsFd].flags = uv_stdio_flags(UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE);
    stdio[kConnectionsFd].data.stream = streamOf(&w.connections);
    stdio[kMessagesFd].flags = uv_stdio_flags(UV_CREATE_PIPE | UV_READABLE_PIPE);
    stdio[kMessagesFd].data.stream = streamOf(&w.messages);
    uv_process_options_t options{};
    options.file = command_.options.executable.c_str();
    options.args = args.data();
    options.env = env.data();
    options.stdio = stdio;
    options.stdio_count = 6;
    options.exit_cb = &ClusterForks::onExit;
    if (program && !program->cwd.empty())
        options.cwd = program->cwd.c_str();
    if (const int rc = uv_spawn(loop_, &w.process, &options); rc != 0) {
        for (uv_handle_t* handle : {handleOf(&w.process), handleOf(&w.events), handleOf(&w.connections),
                                    handleOf(&w.messages)})
            uv_close(handle, [](uv_handle_t*) {});
        // The handles close on the loop: the worker must outlive them.
        w.exited = w.eventsEnded = w.finished = true;
        w.connected = w.connectionsOpen = false;
        workers_.emplace(-int(workers_.size()) - 1, std::move(owned));
        throw std::runtime_error(std::string("cannot start a cluster worker: ") + uv_strerror(rc));
    }
    ++nextId_;
    w.pid = w.process.pid;
    uv_read_start(streamOf(&w.events), &ClusterForks::allocate, &ClusterForks::onEvents);
    uv_read_start(streamOf(&w.connections), &ClusterForks::allocate, &ClusterForks::onConnectionsRead);
    const Forked forked{w.id, w.pid};
    workers_.emplace(w.id, std::move(owned));
    return forked;
}

void ClusterForks::onEvents(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
    auto* w = static_cast<Worker*>(stream->data);
    ClusterForks* self = w->owner;
    if (nread < 0) {
        closeOnce(handleOf(stream));
        w->eventsEnded = true;
        self->finishIfOver(*w);
        return;
    }
    w->decoded.clear();
    if (!w->decoder.feed(buf->base, std::size_t(nread), w->decoded)) {
        // Not a worker of ours any more: it is ended like one that crashed.
        closeOnce(handleOf(stream));
        w->eventsEnded = true;
        if (!w->exited)
            uv_process_kill(&w->process, SIGKILL);
        return;
    }
    for (TraceEvent& event : w->decoded) {
        if (self->stopped_)
            return;
        self->receive(*w, event);
    }
}

void ClusterForks::receive(Worker& w, TraceEvent& event) {
    switch (event.kind) {
    case EventKind::RunBegin:
        return;  // the primary's begins the run
    case EventKind::RunEnd:
        // Why a worker could not run (a bad file, a failed start) is its stderr in Node.
        if (event.value != 0 && !event.text.empty()) {
            TraceEvent line;
            line.ts = event.ts;
            line.kind = EventKind::Log;
            line.lane = Lane{LaneKind::Main, std::uint16_t(w.id), 0};
            line.value = kLogToStderr;
            line.text = event.text;
            sink_.record(line);
        }
        return;
    case EventKind::Counter:
        if (event.text == kExitCodeCounter) {
            w.reportedCode = int(event.value);
            return;  // the run's exit code is the primary's
        }
        break;
    case EventKind::ProcessMessage:
        if (event.value == kProcessDisconnect)
            closeChannel(w);
        else if (w.connected && events_.message)
            events_.message(w.id, std::move(event.text));
        return;
    default:
        break;
    }
    placeInProcess(event, std::uint16_t(w.id));
    sink_.record(event);
}

void ClusterForks::onConnectionsRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t*) {
    // Only the worker's "serving" byte comes this way; its end closing means it stopped.
    auto* w = static_cast<Worker*>(stream->data);
    if (nread < 0)
        w->owner->stopServing(*w);
}

void ClusterForks::onExit(uv_process_t* handle, std::int64_t status, int termSignal) {
    auto* w = static_cast<Worker*>(handle->data);
    w->exited = true;
    w->status = status;
    w->signal = termSignal;
    closeOnce(handleOf(handle));
    w->owner->finishIfOver(*w);
}

// 'disconnect' then 'exit', as Node's primary sees a worker go, once the process has
// ended and every event it sent has been read.
void ClusterForks::finishIfOver(Worker& w) {
    if (!w.exited || !w.eventsEnded || w.finished || stopped_)
        return;
    w.finished = true;
    stopServing(w);
    closeChannel(w);
    std::optional<int> code;
    if (w.signal == 0)
        code = w.reportedCode.value_or(int(w.status));
    if (events_.exit)
        events_.exit(w.id, code, w.signal);
}

void ClusterForks::closeChannel(Worker& w) {
    if (!w.connected)
        return;
    w.connected = false;
    closeOnce(handleOf(&w.messages));
    stopServing(w);
    if (events_.disconnect && !stopped_)
        events_.disconnect(w.id);
}

void ClusterForks::stopServing(Worker& w) {
    if (w.connectionsOpen) {
        w.connectionsOpen = false;
        closeOnce(handleOf(&w.connections));
    }
    if (!w.serving)
        return;
    w.serving = false;
    for (auto& shared : ports_) {
        auto& list = shared->workers;
        list.erase(std::remove(list.begin(), list.end(), w.id), list.end());
        // As Node's RoundRobinHandle, the port closes with its last worker.
        if (list.empty())
            closeListener(*shared);
    }
}

bool ClusterForks::send(int id, const std::string& message) {
    auto found = workers_.find(id);
    if (found == workers_.end() || !found->second->connected || stopped_)
        return false;
    auto* request = new uv_write_t;
    auto* text = new std::string(message + "\n");
    request->data = text;
    uv_buf_t buf = uv_buf_init(text->data(), unsigned(text->size()));
    const int rc = uv_write(request, streamOf(&found->second->messages), &buf, 1, [](uv_write_t* req, int) {
        delete static_cast<std::string*>(req->data);
        delete req;
    });
    if (rc != 0) {
        delete text;
        delete request;
        return false;
    }
    return true;
}

void ClusterForks::disconnect(int id) {
    if (auto found = workers_.find(id); found != workers_.end())
        closeChannel(*found->second);
}

int ClusterForks::kill(int id, int signal) {
    auto found = workers_.find(id);
    if (found == workers_.end() || found->second->exited)
        return UV_ESRCH;
    return uv_process_kill(&found->second->process, signal);
}

std::uint16_t ClusterForks::share(int id, std::uint16_t port) {
    auto found = workers_.find(id);
    if (found == workers_.end() || !found->second->connectionsOpen)
        throw std::runtime_error("cluster worker " + std::to_string(id) + " is not connected");
    SharedPort* slot = nullptr;
    for (auto& shared : ports_)
        if (shared->open && shared->asked == port)
            slot = shared.get();
    if (!slot) {
        // Kept until the run ends, open or not: the loop closes its handle later.
        ports_.push_back(std::make_unique<SharedPort>());
        SharedPort& shared = *ports_.back();
        shared.owner = this;
        shared.asked = port;
        uv_tcp_init(loop_, &shared.listener);
        shared.listener.data = &shared;
        sockaddr_in address{};
        uv_ip4_addr("127.0.0.1", port, &address);
        int rc = uv_tcp_bind(&shared.listener, reinterpret_cast<const sockaddr*>(&address), 0);
        if (rc == 0)
            rc = uv_listen(streamOf(&shared.listener), 4096, &ClusterForks::onConnection);
        sockaddr_storage bound{};
        int length = sizeof bound;
        if (rc == 0)
            rc = uv_tcp_getsockname(&shared.listener, reinterpret_cast<sockaddr*>(&bound), &length);
        if (rc != 0) {
            uv_close(handleOf(&shared.listener), nullptr);
            throw std::runtime_error(std::string("listen ") + uv_err_name(rc) + ": " + uv_strerror(rc) +
                                     " 127.0.0.1:" + std::to_string(port));
        }
        shared.open = true;
        shared.port = ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
        slot = &shared;
    }
    slot->workers.push_back(id);
    found->second->serving = true;
    startLoadWhenServing();
    return slot->port;
}

void ClusterForks::onConnection(uv_stream_t* listener, int status) {
    if (status == 0)
        static_cast<SharedPort*>(listener->data)->owner->handOver(*static_cast<SharedPort*>(listener->data));
}

void ClusterForks::handOver(SharedPort& shared) {
    auto* client = new uv_tcp_t;
    uv_tcp_init(loop_, client);
    auto drop = [](uv_handle_t* handle) { delete reinterpret_cast<uv_tcp_t*>(handle); };
    if (uv_accept(streamOf(&shared.listener), streamOf(client)) != 0 || shared.workers.empty()) {
        uv_close(handleOf(client), drop);
        return;
    }
    Worker& target = *workers_.at(shared.workers[shared.next++ % shared.workers.size()]);
    auto* write = new uv_write_t;
    write->data = client;
    uv_buf_t buf = uv_buf_init(kHandOver, 1);
    const int rc = uv_write2(write, streamOf(&target.connections), &buf, 1, streamOf(client),
                             [](uv_write_t* req, int) {
                                 // The connection is the worker's now (or never will be).
                                 uv_close(static_cast<uv_handle_t*>(req->data), [](uv_handle_t* handle) {
                                     delete reinterpret_cast<uv_tcp_t*>(handle);
                                 });
                                 delete req;
                             });
    if (rc != 0) {
        delete write;
        uv_close(handleOf(client), drop);
    }
}

void ClusterForks::closeListener(SharedPort& shared) {
    if (!shared.open)
        return;
    shared.open = false;
    uv_close(handleOf(&shared.listener), nullptr);
}

// As the step cluster: the load starts once every worker running serves.
void ClusterForks::startLoadWhenServing() {
    if (loadSent_ || load_.load.empty() || stopped_)
        return;
    std::uint16_t port = 0;
    for (const auto& [id, w] : workers_) {
        if (w->exited)
            continue;
        if (!w->serving)
            return;
    }
    for (const auto& shared : ports_)
        if (shared->open)
            port = shared->port;
    if (port == 0)
        return;
    loadSent_ = true;
    const Nanoseconds timeout = Nanoseconds(double(load_.runtime.horizon) * load_.runtime.timeScale);
    loadDriver_ = std::make_unique<LoadDriver>(load_, port, std::uint64_t(origin_), timeout, sink_,
                                               [this] { uv_async_send(&loadDone_); });
    loadDriver_->start();
}

void ClusterForks::endLoad() {
    if (stopped_)
        return;
    for (auto& shared : ports_)
        closeListener(*shared);
    if (events_.loadDone)
        events_.loadDone();
}

void ClusterForks::stopAll() {
    if (stopped_)
        return;
    stopped_ = true;
    // Before loadDone_ closes: the client may still signal it while it winds down.
    if (loadDriver_) {
        loadDriver_->cancel();
        loadDriver_->wait();
    }
    closeOnce(handleOf(&loadDone_));
    for (auto& shared : ports_)
        closeListener(*shared);
    for (auto& [id, w] : workers_) {
        if (!w->exited)
            uv_process_kill(&w->process, SIGKILL);
        for (uv_handle_t* handle : {handleOf(&w->process), handleOf(&w->events), handleOf(&w->connections),
                                    handleOf(&w->messages)})
            closeOnce(handle);
    }
}

}  // namespace loopscope
