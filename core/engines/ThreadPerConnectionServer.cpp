#include "ThreadPerConnectionServer.h"

#include <arpa/inet.h>
#include <http_parser.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "FileDescriptorLimit.h"
#include "HttpResponse.h"

namespace loopscope {

namespace {

struct ThreadStart {
    ThreadPerConnectionServer* server;
    int fd;
    std::uint32_t number;
};

}  // namespace

ThreadPerConnectionServer::ThreadPerConnectionServer(const ThreadSettings& threads, ThreadRunTrace& trace,
                                                     ThreadLanes& lanes, const StopSignal& stop, Handler handler)
    : threads_(threads), trace_(trace), lanes_(lanes), stop_(stop), handler_(std::move(handler)) {}

ThreadPerConnectionServer::~ThreadPerConnectionServer() {
    if (listenFd_ >= 0)
        ::close(listenFd_);
}

std::uint16_t ThreadPerConnectionServer::listen(int requests) {
    // One socket per request on each side, plus the net peer's two per query.
    const FileDescriptorRaise raise = ensureFileDescriptors(static_cast<std::uint64_t>(requests) * 4 + 256);
    if (!raise.ok)
        trace_.reportProblem(raise.message);
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
    socklen_t length = sizeof address;
    ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&address), &length);
    return ntohs(address.sin_port);
}

void ThreadPerConnectionServer::respond(const ServedRequest& request, int status) {
    const std::string bytes = encodeHttpResponse(status, {}, request.keepAlive, request.number);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(request.fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;  // the client went away; the request still ends here
        done += static_cast<std::size_t>(n);
    }
}

void ThreadPerConnectionServer::clientFinished() {
    std::lock_guard<std::mutex> lock(mutex_);
    clientFinished_ = true;
    changed_.notify_all();
}

void ThreadPerConnectionServer::waitUntilServed(Nanoseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, std::chrono::nanoseconds(timeout),
                      [&] { return stop_.stopRequested() || (clientFinished_ && connectionThreads_ == 0); });
}

void ThreadPerConnectionServer::stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (listenFd_ >= 0)
        ::shutdown(listenFd_, SHUT_RDWR);  // wakes accept()
    for (int fd : openConnections_)
        ::shutdown(fd, SHUT_RDWR);  // wakes a thread waiting for its next request
    changed_.notify_all();
}

void ThreadPerConnectionServer::join() {
    if (acceptThread_.joinable())
        acceptThread_.join();
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return connectionThreads_ == 0; });
}

// Beyond threads.max, connections stay in the listen backlog.
bool ThreadPerConnectionServer::takeSlot() {
    std::unique_lock<std::mutex> lock(mutex_);
    const int maxThreads = std::max(1, threads_.max);
    changed_.wait(lock, [&] { return slotsTaken_ < maxThreads || stop_.stopRequested(); });
    if (stop_.stopRequested())
        return false;
    ++slotsTaken_;
    return true;
}

void ThreadPerConnectionServer::acceptLoop() {
    while (takeSlot()) {
        const int fd = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd >= 0) {
            startThread(fd);
            continue;
        }
        const int error = errno;
        std::unique_lock<std::mutex> lock(mutex_);
        --slotsTaken_;
        if (stop_.stopRequested())
            return;
        if (error == EINTR || error == ECONNABORTED)
            continue;
        trace_.reportProblem(std::string("accept: ") + std::strerror(error));
        if (error != EMFILE && error != ENFILE && error != ENOBUFS && error != ENOMEM)
            return;
        lock.unlock();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

void ThreadPerConnectionServer::startThread(int fd) {
    const int noDelay = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay);
    const std::uint32_t number = lanes_.admit().number;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        openConnections_.insert(fd);
        ++connectionThreads_;
    }
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    const std::int64_t page = ::sysconf(_SC_PAGESIZE);
    std::int64_t stack = std::max<std::int64_t>(threads_.stackBytes, PTHREAD_STACK_MIN);
    stack = (stack + page - 1) / page * page;
    pthread_attr_setstacksize(&attributes, static_cast<size_t>(stack));
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    auto* start = new ThreadStart{this, fd, number};
    pthread_t thread;
    const int rc = pthread_create(&thread, &attributes, &ThreadPerConnectionServer::threadEntry, start);
    pthread_attr_destroy(&attributes);
    if (rc == 0)
        return;
    delete start;
    ::close(fd);
    lanes_.retire();
    trace_.reportProblem(std::string("cannot create a thread: ") + std::strerror(rc));
    std::lock_guard<std::mutex> lock(mutex_);
    openConnections_.erase(fd);
    --slotsTaken_;
    --connectionThreads_;
    changed_.notify_all();
}

void* ThreadPerConnectionServer::threadEntry(void* argument) {
    std::unique_ptr<ThreadStart> start(static_cast<ThreadStart*>(argument));
    start->server->serveConnection(start->fd, start->number);
    return nullptr;
}

void ThreadPerConnectionServer::serveConnection(int fd, std::uint32_t threadNumber) {
    const Lane lane{LaneKind::Thread, 0, threadNumber};
    const int alive = lanes_.alive();
    trace_.emit(EventKind::ThreadCreate, lane, threadNumber);
    trace_.counter("threads alive", alive);

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
    while (open && !stop_.stopRequested()) {
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
        const ServedRequest request{nextRequest_++, lane, fd, http_should_keep_alive(&parser) != 0};
        // A handler that never responds leaves its client waiting; here the thread
        // ends, and its connection closes unanswered.
        open = handler_(request) && request.keepAlive;
    }
    endConnection(fd, lane);
}

void ThreadPerConnectionServer::endConnection(int fd, const Lane& lane) {
    int stillAlive;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        openConnections_.erase(fd);
        ::close(fd);
        stillAlive = lanes_.alive() - 1;
    }
    trace_.emit(EventKind::ThreadExit, lane, lane.index);
    trace_.counter("threads alive", stillAlive);
    lanes_.retire();
    // The last touch of the server: once the count is down, join() may return.
    std::lock_guard<std::mutex> lock(mutex_);
    --connectionThreads_;
    --slotsTaken_;
    changed_.notify_all();
}

}  // namespace loopscope
