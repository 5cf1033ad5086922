#include "LoadClient.h"

#include <http_parser.h>
#include <uv.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <strings.h>
#include <mutex>
#include <numeric>
#include <thread>
#include <unordered_set>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

#include "CpuAffinity.h"
#include "FileDescriptorLimit.h"
#include "HttpResponse.h"

namespace loopscope {

namespace {

std::mutex helperMutex;
std::string helperExecutable;  // empty: clients run in-process

std::string oneLine(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r')
            c = ' ';
    return text;
}

std::string failure(const char* operation, int rc) {
    std::string text = std::string(operation) + ": " + uv_strerror(rc);
    if (rc == UV_EMFILE || rc == UV_ENFILE)
        text += " (open-file limit " + std::to_string(currentFileDescriptorLimit().soft) + ")";
    return text;
}

// What one run of the client has and fills in, whichever way it runs (on a thread of
// this process or in a helper process): the settings, the schedule, one record per
// scheduled request, the clock origin and a warning.
struct ClientRun {
    ClientRun(LoadClient* owner, std::uint16_t port, std::vector<LoadWave> waves, double timeScale, Nanoseconds timeout)
        : port(port), waves(std::move(waves)), timeScale(timeScale), timeout(timeout), owner(owner) {}

    std::uint16_t port = 0;
    std::vector<LoadWave> waves;
    double timeScale = 1.0;
    Nanoseconds timeout = 0;
    LoadClient* owner = nullptr;

    std::vector<Nanoseconds> due;  // by request index, in send order
    std::vector<RequestRecord> records;
    std::string warning;
    std::uint64_t origin = 0;

    // The schedule, and a record for each of its requests, numbered in send order.
    void prepareRecords() {
        due = LoadClient::schedule(waves, timeScale);
        records.resize(due.size());
        for (std::size_t i = 0; i < due.size(); ++i) {
            records[i].number = static_cast<int>(i + 1);
            records[i].scheduled = due[i];
        }
    }
};

struct InProcessClient;

// One connection to the server, carrying one request at a time. Without a
// connection limit it carries exactly one (`Connection: close`, users arriving);
// with one it is kept alive and carries the next request as soon as the answer to
// the last is in, as a benchmark client's connections do. Freed when both of its
// handles have closed.
struct Connection {
    uv_tcp_t tcp;
    uv_timer_t timeout;
    uv_connect_t connect;
    uv_write_t write;
    http_parser parser;
    InProcessClient* client = nullptr;
    std::size_t index = 0;       // the request it carries, while `busy`
    int openHandles = 0;
    bool connected = false;
    bool busy = false;           // carrying a request that has not ended yet
    bool writing = false;        // `write` is in use
    bool receivedBytes = false;  // of the current request's answer
    bool awaitingClose = false;  // answered with `Connection: close`: waiting for the server's FIN
    bool closing = false;
    std::string headerField;     // the header name being read (may come in pieces)
    bool readingHeaderValue = false;
};

// The client on a thread of this process, with a libuv loop of its own.
struct InProcessClient : ClientRun {
    using ClientRun::ClientRun;

    std::string requestBytes;

    uv_loop_t loop{};
    uv_async_t cancelSignal{};
    uv_timer_t scheduleTimer{};
    std::thread thread;
    http_parser_settings settings{};
    char readBuffer[64 * 1024];

    std::size_t nextToSend = 0;
    std::size_t finishedCount = 0;
    std::unordered_set<Connection*> connections;  // open (not closing): busy, idle or lingering
    std::vector<Connection*> idle;                // kept alive, carrying nothing
    bool keepAlive = false;                       // maxConnections != 0
    bool cancelling = false;
    bool sending = false;
    bool sendAgain = false;

    std::mutex lifecycle;       // guards cancelSignal's life against cancel() from other threads
    bool signalOpen = false;

    Nanoseconds now() const { return static_cast<Nanoseconds>(uv_hrtime() - origin); }

    void readConnectionLimit() {
        if (owner->maxConnections == 0)
            if (const char* fromEnvironment = std::getenv("LOOPSCOPE_CLIENT_CONNECTIONS"))
                owner->maxConnections = std::strtoull(fromEnvironment, nullptr, 10);
    }

    void start() {
        prepareRecords();
        readConnectionLimit();
        keepAlive = owner->maxConnections != 0;
        requestBytes = "GET " + owner->path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: loopscope\r\nConnection: " +
                       (keepAlive ? "keep-alive" : "close") + "\r\n\r\n";
        // All connections may be open at once, and the server usually shares this process:
        // the client's socket, the server's, and one towards the net peer per request.
        const std::size_t open = keepAlive ? std::min<std::size_t>(due.size(), owner->maxConnections) : due.size();
        const FileDescriptorRaise raise = ensureFileDescriptors(3 * open + 256);
        if (!raise.ok)
            warning = raise.message;

        http_parser_settings_init(&settings);
        settings.on_message_complete = &InProcessClient::onMessageComplete;
        settings.on_header_field = &InProcessClient::onHeaderField;
        settings.on_header_value = &InProcessClient::onHeaderValue;
        uv_loop_init(&loop);
        loop.data = this;
        uv_async_init(&loop, &cancelSignal, &InProcessClient::onCancelSignal);
        cancelSignal.data = this;
        uv_timer_init(&loop, &scheduleTimer);
        scheduleTimer.data = this;
        signalOpen = true;
        origin = uv_hrtime();
        uv_timer_start(&scheduleTimer, &InProcessClient::onScheduleTimer, 0, 0);
        thread = std::thread([this] {
            moveCallingThreadOutsideRunCores();  // the users are not part of the server
            uv_run(&loop, UV_RUN_DEFAULT);
            uv_loop_close(&loop);
        });
    }

    static void onScheduleTimer(uv_timer_t* timer) {
        auto* self = static_cast<InProcessClient*>(timer->data);
        self->sendDue();
    }

    bool hasFreeConnection() const {
        return !keepAlive || !idle.empty() || connections.size() < owner->maxConnections;
    }

    void sendDue() {
        if (sending) {
            sendAgain = true;  // a request ended while we were sending: look again after
            return;
        }
        sending = true;
        Nanoseconds current = now();
        do {
            sendAgain = false;
            current = now();
            while (nextToSend < due.size() && due[nextToSend] <= current && hasFreeConnection() && !cancelling)
                send(nextToSend++);
        } while (sendAgain);
        sending = false;
        if (nextToSend < due.size() && due[nextToSend] <= current)
            return;  // every connection is busy: the next request goes when one ends
        if (nextToSend < due.size() && !cancelling) {
            const Nanoseconds wait = due[nextToSend] - current;
            uv_update_time(&loop);
            uv_timer_start(&scheduleTimer, &InProcessClient::onScheduleTimer,
                           static_cast<std::uint64_t>((wait + kMillisecond - 1) / kMillisecond), 0);
        }
        finishIfDone();
    }

    void send(std::size_t index) {
        Connection* connection = nullptr;
        if (!idle.empty()) {
            connection = idle.back();
            idle.pop_back();
        } else {
            connection = new Connection;
            connection->client = this;
            uv_tcp_init(&loop, &connection->tcp);
            uv_timer_init(&loop, &connection->timeout);
            connection->tcp.data = connection;
            connection->timeout.data = connection;
            connection->connect.data = connection;
            connection->write.data = connection;
            connection->openHandles = 2;
            connections.insert(connection);
        }
        connection->busy = true;
        connection->index = index;
        connection->receivedBytes = false;
        connection->headerField.clear();
        connection->readingHeaderValue = false;
        http_parser_init(&connection->parser, HTTP_RESPONSE);
        connection->parser.data = connection;
        // The timeout counts from now: the loop's cached time can be older (when the first
        // wave is sent before the loop has run, it is the loop's creation).
        uv_update_time(&loop);
        uv_timer_start(&connection->timeout, &InProcessClient::onTimeout,
                       static_cast<std::uint64_t>(std::max<Nanoseconds>(timeout / kMillisecond, 1)), 0);
        if (connection->connected) {
            writeRequest(connection);
            return;
        }
        sockaddr_in address{};
        uv_ip4_addr("127.0.0.1", port, &address);
        const int rc = uv_tcp_connect(&connection->connect, &connection->tcp,
                                      reinterpret_cast<const sockaddr*>(&address), &InProcessClient::onConnect);
        if (rc != 0)
            fail(connection, failure("connect", rc));
    }

    static void onConnect(uv_connect_t* connect, int status) {
        auto* connection = static_cast<Connection*>(connect->data);
        InProcessClient* self = connection->client;
        if (connection->closing)
            return;
        if (status < 0) {
            self->fail(connection, failure("connect", status));
            return;
        }
        connection->connected = true;
        uv_tcp_nodelay(&connection->tcp, 1);
        uv_read_start(reinterpret_cast<uv_stream_t*>(&connection->tcp), &InProcessClient::onAlloc, &InProcessClient::onRead);
        if (connection->busy)
            self->writeRequest(connection);
    }

    void writeRequest(Connection* connection) {
        // A write's callback runs (pending phase) before the answer can be read (poll
        // phase), so `write` is free again by the next request; if it ever is not, the
        // request gets a write request of its own.
        uv_write_t* write = &connection->write;
        if (connection->writing) {
            write = new uv_write_t;
            write->data = connection;
        }
        connection->writing = connection->writing || write == &connection->write;
        uv_buf_t buf = uv_buf_init(requestBytes.data(), static_cast<unsigned>(requestBytes.size()));
        records[connection->index].sent = now();
        if (int rc = uv_write(write, reinterpret_cast<uv_stream_t*>(&connection->tcp), &buf, 1, &InProcessClient::onWritten);
            rc != 0) {
            if (write != &connection->write)
                delete write;
            else
                connection->writing = false;
            fail(connection, failure("write", rc));
            return;
        }
        if (owner->onSent)
            owner->onSent(records[connection->index]);
    }

    static void onWritten(uv_write_t* write, int status) {
        auto* connection = static_cast<Connection*>(write->data);
        if (write == &connection->write)
            connection->writing = false;
        else
            delete write;
        if (!connection->closing && connection->busy && status < 0)
            connection->client->fail(connection, failure("write", status));
    }

    static void onAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
        auto* connection = static_cast<Connection*>(handle->data);
        *buf = uv_buf_init(connection->client->readBuffer, sizeof connection->client->readBuffer);
    }

    static void onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
        auto* connection = static_cast<Connection*>(stream->data);
        InProcessClient* self = connection->client;
        if (nread == 0 || connection->closing)
            return;
        if (!connection->busy) {
            // Answered already. Closing after the server did keeps TIME_WAIT on its side,
            // not on the client's ephemeral ports, which a run of tens of thousands of
            // requests would exhaust. A kept-alive connection the server ends is simply gone.
            if (nread < 0)
                self->closeConnection(connection);
            return;
        }
        if (nread == UV_EOF) {
            // A response without Content-Length ends with the connection.
            http_parser_execute(&connection->parser, &self->settings, nullptr, 0);
            if (connection->busy)
                self->fail(connection, connection->receivedBytes
                                           ? "the server closed the connection before the response was complete"
                                           : "the server closed the connection without a response");
            else
                self->closeConnection(connection);
            return;
        }
        if (nread < 0) {
            self->fail(connection, failure("read", static_cast<int>(nread)));
            return;
        }
        connection->receivedBytes = true;
        http_parser_execute(&connection->parser, &self->settings, buf->base, static_cast<size_t>(nread));
        const auto error = HTTP_PARSER_ERRNO(&connection->parser);
        if (connection->busy && error != HPE_OK && error != HPE_PAUSED)
            self->fail(connection, std::string("malformed response: ") + http_errno_description(error));
    }

    // http-parser may hand a header name or value over in pieces when it spans reads.
    static int onHeaderField(http_parser* parser, const char* at, size_t length) {
        auto* connection = static_cast<Connection*>(parser->data);
        if (connection->readingHeaderValue)
            connection->headerField.clear();
        connection->readingHeaderValue = false;
        connection->headerField.append(at, length);
        return 0;
    }

    static int onHeaderValue(http_parser* parser, const char* at, size_t length) {
        auto* connection = static_cast<Connection*>(parser->data);
        connection->readingHeaderValue = true;
        if (!connection->busy || strcasecmp(connection->headerField.c_str(), kRequestNumberHeader) != 0)
            return 0;
        RequestRecord& record = connection->client->records[connection->index];
        for (size_t i = 0; i < length; ++i)
            if (at[i] >= '0' && at[i] <= '9')
                record.serverRequest = record.serverRequest * 10 + static_cast<std::uint64_t>(at[i] - '0');
        return 0;
    }

    static int onMessageComplete(http_parser* parser) {
        auto* connection = static_cast<Connection*>(parser->data);
        InProcessClient* self = connection->client;
        if (!connection->busy)
            return 0;
        RequestRecord& record = self->records[connection->index];
        record.status = static_cast<int>(parser->status_code);
        record.answered = self->now();
        const bool reusable = self->keepAlive && http_should_keep_alive(parser) != 0;
        http_parser_pause(parser, 1);
        self->answer(connection, reusable);
        return 0;
    }

    static void onTimeout(uv_timer_t* timer) {
        auto* connection = static_cast<Connection*>(timer->data);
        InProcessClient* self = connection->client;
        if (connection->busy)
            self->fail(connection, "no response within " + std::to_string(self->timeout / kMillisecond) + " ms");
        else
            self->closeConnection(connection);  // the server kept a closing connection open: close it ourselves
    }

    void closeConnection(Connection* connection) {
        if (connection->closing)
            return;
        connection->closing = true;
        connections.erase(connection);
        if (auto found = std::find(idle.begin(), idle.end(), connection); found != idle.end()) {
            *found = idle.back();
            idle.pop_back();
        }
        if (keepAlive && nextToSend < due.size() && !sending && !cancelling)
            uv_timer_start(&scheduleTimer, &InProcessClient::onScheduleTimer, 0, 0);  // a connection is free
        uv_timer_stop(&connection->timeout);
        auto onClosed = [](uv_handle_t* handle) {
            auto* closing = static_cast<Connection*>(handle->data);
            if (--closing->openHandles == 0)
                delete closing;
        };
        uv_close(reinterpret_cast<uv_handle_t*>(&connection->tcp), onClosed);
        uv_close(reinterpret_cast<uv_handle_t*>(&connection->timeout), onClosed);
    }

    // The request on `connection` was answered: the connection carries the next one
    // (`reusable`), or waits for the server to close it.
    void answer(Connection* connection, bool reusable) {
        const std::size_t index = connection->index;
        connection->busy = false;
        uv_timer_stop(&connection->timeout);
        if (cancelling) {
            closeConnection(connection);
        } else if (reusable) {
            idle.push_back(connection);
        } else {
            connection->awaitingClose = true;
            uv_timer_start(&connection->timeout, &InProcessClient::onTimeout, 1000, 0);
        }
        ended(index);
    }

    // The request on `connection` failed: it ends with `error`, and so does its connection.
    void fail(Connection* connection, std::string error) {
        if (!connection->busy)
            return;
        const std::size_t index = connection->index;
        connection->busy = false;
        RequestRecord& record = records[index];
        record.error = std::move(error);
        record.answered = 0;
        closeConnection(connection);
        ended(index);
    }

    void ended(std::size_t index) {
        ++finishedCount;
        if (owner->onFinished)
            owner->onFinished(records[index]);
        if (keepAlive && nextToSend < due.size())
            sendDue();
        finishIfDone();
    }

    void finishIfDone() {
        if (finishedCount < due.size() || nextToSend < due.size())
            return;
        // Connections kept alive for requests that will never come close now; those
        // waiting for the server's FIN close on their own.
        while (!idle.empty())
            closeConnection(idle.back());
        std::lock_guard<std::mutex> lock(lifecycle);
        if (!signalOpen)
            return;
        signalOpen = false;
        uv_close(reinterpret_cast<uv_handle_t*>(&cancelSignal), nullptr);
        uv_close(reinterpret_cast<uv_handle_t*>(&scheduleTimer), nullptr);
    }

    static void onCancelSignal(uv_async_t* async) {
        auto* self = static_cast<InProcessClient*>(async->data);
        self->cancelAll();
    }

    void cancelAll() {
        cancelling = true;
        uv_timer_stop(&scheduleTimer);
        for (; nextToSend < due.size(); ++nextToSend) {
            records[nextToSend].error = "cancelled before it was sent";
            ++finishedCount;
            if (owner->onFinished)
                owner->onFinished(records[nextToSend]);
        }
        const std::vector<Connection*> open(connections.begin(), connections.end());
        for (Connection* connection : open) {
            if (connection->busy)
                fail(connection, "cancelled");
            else
                closeConnection(connection);
        }
        finishIfDone();
    }

    void cancel() {
        std::lock_guard<std::mutex> lock(lifecycle);
        if (signalOpen)
            uv_async_send(&cancelSignal);
    }

    void wait() {
        if (thread.joinable())
            thread.join();
    }
};

// The client in a helper process of its own (runInHelperProcess): starts it, and turns
// the lines it writes into records.
struct HelperProcessClient : ClientRun {
    using ClientRun::ClientRun;

    // Its pid, our ends of its pipes, and the thread that reads its lines.
    pid_t helperPid = -1;
    int toHelper = -1;
    int fromHelper = -1;
    std::thread helperReader;
    std::mutex lifecycle;  // guards toHelper against cancel() from other threads

    void cancel() {
        std::lock_guard<std::mutex> lock(lifecycle);
        if (toHelper >= 0) {
            ::close(toHelper);  // the helper cancels when its stdin closes
            toHelper = -1;
        }
    }

    void wait() {
        if (helperReader.joinable())
            helperReader.join();
    }

    void start(const std::string& executable) {
        prepareRecords();
        std::vector<std::string> arguments{executable,
                                           "engine-child",
                                           "--load-client",
                                           std::to_string(port),
                                           std::to_string(timeScale),
                                           std::to_string(timeout),
                                           owner->path + "|" + std::to_string(owner->maxConnections)};
        for (const LoadWave& wave : waves) {
            arguments.push_back(std::to_string(wave.at));
            arguments.push_back(std::to_string(wave.requests));
            arguments.push_back(std::to_string(wave.spacing));
        }
        std::vector<char*> argv;
        for (std::string& argument : arguments)
            argv.push_back(argument.data());
        argv.push_back(nullptr);
        int out[2], in[2];
        if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(in, O_CLOEXEC) != 0) {
            failAllRemote(std::string("cannot start the load client: pipe: ") + std::strerror(errno));
            return;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_adddup2(&actions, in[0], 0);
        const int rc = posix_spawn(&helperPid, executable.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(out[1]);
        ::close(in[0]);
        if (rc != 0) {
            ::close(out[0]);
            ::close(in[1]);
            helperPid = -1;
            failAllRemote("cannot start the load client '" + executable + "': " + std::strerror(rc));
            return;
        }
        fromHelper = out[0];
        {
            std::lock_guard<std::mutex> lock(lifecycle);
            toHelper = in[1];
        }
        helperReader = std::thread([this] { readHelper(); });
    }

    void failAllRemote(const std::string& why) {
        for (RequestRecord& record : records) {
            record.error = why;
            if (owner->onFinished)
                owner->onFinished(record);
        }
    }

    // Lines: "O origin", "S number sent", "W warning",
    // "F number sent answered status serverRequest error...", "E".
    void readHelper() {
        moveCallingThreadOutsideRunCores();  // the client's bookkeeping is not the server's work
        FILE* in = ::fdopen(fromHelper, "r");
        std::vector<bool> ended(records.size(), false);
        char* line = nullptr;
        size_t capacity = 0;
        ssize_t length;
        while ((length = ::getline(&line, &capacity, in)) > 0) {
            std::string text(line, static_cast<size_t>(length));
            if (!text.empty() && text.back() == '\n')
                text.pop_back();
            if (text.size() < 2)
                continue;
            const char kind = text[0];
            const std::string rest = text.substr(2);
            if (kind == 'O') {
                origin = std::stoull(rest);
            } else if (kind == 'W') {
                warning = rest;
            } else if (kind == 'S' || kind == 'F') {
                long long number = 0, sent = 0, answered = 0, serverRequest = 0;
                int status = 0, consumed = 0;
                if (kind == 'S' && std::sscanf(rest.c_str(), "%lld %lld", &number, &sent) != 2)
                    continue;
                if (kind == 'F' && std::sscanf(rest.c_str(), "%lld %lld %lld %d %lld%n", &number, &sent, &answered,
                                               &status, &serverRequest, &consumed) != 5)
                    continue;
                if (number < 1 || static_cast<size_t>(number) > records.size() || ended[size_t(number - 1)])
                    continue;
                RequestRecord& record = records[size_t(number - 1)];
                record.sent = sent;
                if (kind == 'S') {
                    if (owner->onSent)
                        owner->onSent(record);
                    continue;
                }
                record.answered = answered;
                record.status = status;
                record.serverRequest = static_cast<std::uint64_t>(serverRequest);
                record.error = static_cast<size_t>(consumed) + 1 < rest.size() ? rest.substr(size_t(consumed) + 1) : "";
                ended[size_t(number - 1)] = true;
                if (owner->onFinished)
                    owner->onFinished(record);
            }
        }
        std::free(line);
        std::fclose(in);
        int status = 0;
        ::waitpid(helperPid, &status, 0);
        for (std::size_t i = 0; i < records.size(); ++i) {
            if (ended[i])
                continue;
            records[i].error = "the load client process ended early";
            if (owner->onFinished)
                owner->onFinished(records[i]);
        }
        std::lock_guard<std::mutex> lock(lifecycle);
        if (toHelper >= 0) {
            ::close(toHelper);
            toHelper = -1;
        }
    }
};

}  // namespace

// Runs the client one of the two ways: in a helper process once runInHelperProcess has
// named one, on a thread of this process otherwise.
struct LoadClient::Impl {
    Impl(LoadClient* owner, std::uint16_t port, const std::vector<LoadWave>& waves, double timeScale, Nanoseconds timeout)
        : inProcess(owner, port, waves, timeScale, timeout), helperProcess(owner, port, waves, timeScale, timeout) {}

    InProcessClient inProcess;
    HelperProcessClient helperProcess;
    bool started = false;
    bool inHelper = false;

    const ClientRun& run() const {
        return inHelper ? static_cast<const ClientRun&>(helperProcess) : static_cast<const ClientRun&>(inProcess);
    }

    void start() {
        started = true;
        std::string executable;
        {
            std::lock_guard<std::mutex> lock(helperMutex);
            executable = helperExecutable;
        }
        if (!executable.empty()) {
            inHelper = true;
            helperProcess.start(executable);
            return;
        }
        inProcess.start();
    }

    void cancel() {
        inProcess.cancel();
        helperProcess.cancel();
    }

    void wait() {
        inProcess.wait();
        helperProcess.wait();
    }
};

LoadClient::LoadClient(std::uint16_t port, std::vector<LoadWave> waves, double timeScale, Nanoseconds timeout)
    : impl_(std::make_unique<Impl>(this, port, waves, timeScale, timeout)) {}

LoadClient::~LoadClient() {
    impl_->cancel();
    impl_->wait();
}

void LoadClient::runInHelperProcess(const std::string& executable) {
    std::lock_guard<std::mutex> lock(helperMutex);
    helperExecutable = executable;
}

int loadClientHelperMain(int argc, char** argv) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // the client must not outlive its run
    if (argc < 7 || (argc - 7) % 3 != 0) {
        std::fprintf(stderr, "usage: engine-child --load-client PORT TIME_SCALE TIMEOUT_NS PATH [AT REQUESTS SPACING]...\n");
        return 1;
    }
    std::vector<LoadWave> waves;
    for (int at = 7; at + 2 < argc; at += 3) {
        LoadWave wave;
        wave.at = std::stoll(argv[at]);
        wave.requests = std::stoi(argv[at + 1]);
        wave.spacing = std::stoll(argv[at + 2]);
        waves.push_back(wave);
    }
    LoadClient client(static_cast<std::uint16_t>(std::stoi(argv[3])), waves, std::stod(argv[4]), std::stoll(argv[5]));
    const std::string pathAndLimit = argv[6];
    const std::size_t bar = pathAndLimit.rfind('|');
    client.path = pathAndLimit.substr(0, bar);
    if (bar != std::string::npos)
        client.maxConnections = std::strtoull(pathAndLimit.c_str() + bar + 1, nullptr, 10);
    // Records leave in batches: a flush per line would cost the client two system calls
    // per request. stdio's lock keeps the client thread's lines whole; the flusher sends
    // what has gathered every few milliseconds, so the run still sees its client live.
    static char outputBuffer[1 << 16];
    std::setvbuf(stdout, outputBuffer, _IOFBF, sizeof outputBuffer);
    std::atomic<bool> finished{false};
    std::thread flusher([&finished] {
        while (!finished.load()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            std::fflush(stdout);
        }
    });
    // Only the client thread writes records, so "O" comes first without a lock.
    bool originWritten = false;
    auto writeOrigin = [&] {
        if (!originWritten)
            std::printf("O %llu\n", static_cast<unsigned long long>(client.origin()));
        originWritten = true;
    };
    client.onSent = [&](const RequestRecord& r) {
        writeOrigin();
        std::printf("S %d %lld\n", r.number, static_cast<long long>(r.sent));
    };
    client.onFinished = [&](const RequestRecord& r) {
        writeOrigin();
        std::printf("F %d %lld %lld %d %llu %s\n", r.number, static_cast<long long>(r.sent),
                    static_cast<long long>(r.answered), r.status, static_cast<unsigned long long>(r.serverRequest),
                    oneLine(r.error).c_str());
    };
    client.start();
    if (!client.warning().empty()) {
        std::printf("W %s\n", oneLine(client.warning()).c_str());
        std::fflush(stdout);
    }
    // The run cancels us by closing our stdin.
    std::thread([&client] {
        char byte;
        while (::read(0, &byte, 1) > 0) {
        }
        client.cancel();
    }).detach();
    client.wait();
    finished = true;
    flusher.join();
    std::printf("E\n");
    std::fflush(stdout);
    std::_Exit(0);
}

std::vector<Nanoseconds> LoadClient::schedule(const std::vector<LoadWave>& waves, double timeScale) {
    std::vector<Nanoseconds> times;
    for (const LoadWave& wave : waves)
        for (int i = 0; i < wave.requests && times.size() < static_cast<std::size_t>(kMaxRequestsPerRun); ++i)
            times.push_back(static_cast<Nanoseconds>(
                std::llround(static_cast<double>(wave.at + i * wave.spacing) * timeScale)));
    // Waves may overlap: requests go out in time order, earlier waves first on a tie.
    std::stable_sort(times.begin(), times.end());
    return times;
}

void LoadClient::start() {
    if (!impl_->started)
        impl_->start();
}

void LoadClient::wait() { impl_->wait(); }

void LoadClient::cancel() { impl_->cancel(); }

const std::vector<RequestRecord>& LoadClient::records() const { return impl_->run().records; }

std::uint64_t LoadClient::origin() const { return impl_->run().origin; }

const std::string& LoadClient::warning() const { return impl_->run().warning; }

}  // namespace loopscope
