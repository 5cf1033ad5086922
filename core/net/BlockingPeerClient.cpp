#include "BlockingPeerClient.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace loopscope {

BlockingPeerClient::BlockingPeerClient(std::uint16_t port) {
    try {
        for (std::size_t k = 0; k < kConnections; ++k) {
            connections_.push_back(std::make_unique<Connection>());
            connect(*connections_.back(), port);
        }
    } catch (...) {
        for (const std::unique_ptr<Connection>& connection : connections_)
            if (connection->fd >= 0)
                ::close(connection->fd);
        throw;
    }
    reader_ = std::thread([this] { readAnswers(); });
}

BlockingPeerClient::~BlockingPeerClient() {
    close();
    if (reader_.joinable())
        reader_.join();
    for (const std::unique_ptr<Connection>& connection : connections_)
        ::close(connection->fd);
}

void BlockingPeerClient::connect(Connection& connection, std::uint16_t port) {
    connection.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (connection.fd < 0)
        throw std::runtime_error(std::string("cannot open a socket to the net peer: ") + std::strerror(errno));
    const int noDelay = 1;
    ::setsockopt(connection.fd, IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(connection.fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        throw std::runtime_error(std::string("cannot connect to the net peer: ") + std::strerror(errno));
}

void BlockingPeerClient::close() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (closing_)
            return;
        closing_ = true;
    }
    for (const std::unique_ptr<Connection>& connection : connections_)
        ::shutdown(connection->fd, SHUT_RDWR);  // ends the answer reader, which wakes every caller
}

std::string BlockingPeerClient::query(std::uint64_t id, Nanoseconds takes) {
    auto waiter = std::make_shared<Waiter>();
    Connection* connection = nullptr;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (closing_)
            return "stopped";
        if (!error_.empty())
            return error_;
        connection = connections_[id % connections_.size()].get();
        waiters_[id] = waiter;
    }
    const std::string line = std::to_string(id) + " " + std::to_string(std::max<Nanoseconds>(takes, 0)) + "\n";
    if (!send(*connection, line)) {
        const std::string error = std::string("send: ") + std::strerror(errno);
        std::lock_guard<std::mutex> lock(mutex_);
        waiters_.erase(id);
        return error;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    waiter->answered.wait(lock, [&] { return waiter->done || closing_ || !error_.empty(); });
    waiters_.erase(id);
    if (waiter->done)
        return {};
    return closing_ ? "stopped" : error_;
}

bool BlockingPeerClient::send(Connection& connection, const std::string& bytes) {
    std::lock_guard<std::mutex> lock(connection.writeMutex);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(connection.fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

void BlockingPeerClient::readAnswers() {
    std::vector<pollfd> polled;
    for (const std::unique_ptr<Connection>& connection : connections_)
        polled.push_back({connection->fd, POLLIN, 0});
    std::vector<std::string> unread(connections_.size());
    char buffer[16 * 1024];
    std::string failure;
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
            unread[k].append(buffer, static_cast<size_t>(n));
            wakeAnswered(unread[k]);
        }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = closing_ ? "stopped" : failure;
    for (auto& [id, waiter] : waiters_)
        waiter->answered.notify_one();
}

// Marks the callers whose answers are complete lines of `unread` and wakes them.
void BlockingPeerClient::wakeAnswered(std::string& unread) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        std::size_t lineStart = 0, newline;
        while ((newline = unread.find('\n', lineStart)) != std::string::npos) {
            const std::uint64_t answered = std::strtoull(unread.c_str() + lineStart, nullptr, 10);
            lineStart = newline + 1;
            if (auto found = waiters_.find(answered); found != waiters_.end()) {
                found->second->done = true;
                toWake_.push_back(found->second);
            }
        }
        unread.erase(0, lineStart);
    }
    // Woken after the lock is released, a caller does not block again at once on the
    // mutex this thread still holds.
    for (const std::shared_ptr<Waiter>& waiter : toWake_)
        waiter->answered.notify_one();
    toWake_.clear();
}

}  // namespace loopscope
