// A TCP socket bound to 127.0.0.1 (port 0: any free one) for as long as it lives, either
// listening (a port a run finds taken) or not (a port where a connect is refused at once).
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>

namespace loopscope::testing {

class LoopbackSocket {
public:
    enum class Mode { Listening, Refusing };
    explicit LoopbackSocket(Mode mode, int port = 0) {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int reuse = 1;  // the port may be in TIME_WAIT from a run that used it
        ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof reuse);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(std::uint16_t(port));
        socklen_t length = sizeof address;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            (mode == Mode::Listening && ::listen(fd_, 1) != 0) ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            return;
        port_ = ntohs(address.sin_port);
    }
    ~LoopbackSocket() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    LoopbackSocket(const LoopbackSocket&) = delete;
    LoopbackSocket& operator=(const LoopbackSocket&) = delete;
    std::uint16_t port() const { return port_; }  // 0 when it could not bind

private:
    int fd_ = -1;
    std::uint16_t port_ = 0;
};

}  // namespace loopscope::testing
