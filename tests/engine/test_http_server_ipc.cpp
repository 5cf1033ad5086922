// HttpServer as a cluster process uses it: connections handed over a libuv IPC pipe
// (serveFromIpc) instead of a socket of its own, request numbers as told
// (numberRequests). Here one loop plays both sides: a "primary" that accepts on
// 127.0.0.1 and passes each socket with uv_write2, and the server on the pipe's other end.
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

#include <string>
#include <thread>
#include <vector>

#include "HttpServer.h"

using namespace loopscope;

namespace {

// One blocking `GET /` with `Connection: close`; returns the whole response.
std::string fetch(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string response;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
        const std::string request = "GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n";
        if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == ssize_t(request.size())) {
            char buffer[4096];
            ssize_t n = 0;
            while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0)
                response.append(buffer, std::size_t(n));
        }
    }
    ::close(fd);
    return response;
}

std::string header(const std::string& response, const std::string& name) {
    const std::size_t at = response.find("\r\n" + name + ": ");
    if (at == std::string::npos)
        return {};
    const std::size_t begin = at + 4 + name.size();
    return response.substr(begin, response.find("\r\n", begin) - begin);
}

struct Primary {
    uv_loop_t* loop = nullptr;
    uv_tcp_t listener{};
    uv_pipe_t channel{};
    std::string fromServer;  // what the server wrote on the channel
    int handedOver = 0;
};

}  // namespace

class TestHttpServerIpc : public QObject {
    Q_OBJECT

private slots:
    void servesConnectionsHandedOverAndNumbersAsTold() {
        int fds[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
        uv_loop_t loop;
        uv_loop_init(&loop);

        std::vector<std::uint64_t> seen;
        HttpServer* serverPointer = nullptr;
        HttpServer server(&loop, [&](std::uint64_t request) {
            seen.push_back(request);
            serverPointer->respond(request, 200, "ok\n");
        });
        serverPointer = &server;
        server.numberRequests(2, 3);  // process 2 of 3: 2, 5, 8, ...
        server.serveFromIpc(fds[1]);

        Primary primary;
        primary.loop = &loop;
        uv_pipe_init(&loop, &primary.channel, 1);
        primary.channel.data = &primary;
        QCOMPARE(uv_pipe_open(&primary.channel, fds[0]), 0);
        uv_read_start(
            reinterpret_cast<uv_stream_t*>(&primary.channel),
            [](uv_handle_t*, size_t, uv_buf_t* buf) {
                static char bytes[64];
                *buf = uv_buf_init(bytes, sizeof bytes);
            },
            [](uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
                if (nread > 0)
                    static_cast<Primary*>(stream->data)->fromServer.append(buf->base, std::size_t(nread));
            });
        uv_tcp_init(&loop, &primary.listener);
        primary.listener.data = &primary;
        sockaddr_in address{};
        uv_ip4_addr("127.0.0.1", 0, &address);
        QCOMPARE(uv_tcp_bind(&primary.listener, reinterpret_cast<const sockaddr*>(&address), 0), 0);
        QCOMPARE(uv_listen(reinterpret_cast<uv_stream_t*>(&primary.listener), 16,
                           [](uv_stream_t* listener, int status) {
                               auto* p = static_cast<Primary*>(listener->data);
                               if (status != 0)
                                   return;
                               auto* client = new uv_tcp_t;
                               uv_tcp_init(p->loop, client);
                               uv_accept(listener, reinterpret_cast<uv_stream_t*>(client));
                               auto* write = new uv_write_t;
                               write->data = client;
                               static char handOver[] = "c";
                               uv_buf_t buf = uv_buf_init(handOver, 1);
                               uv_write2(write, reinterpret_cast<uv_stream_t*>(&p->channel), &buf, 1,
                                         reinterpret_cast<uv_stream_t*>(client), [](uv_write_t* req, int) {
                                             uv_close(static_cast<uv_handle_t*>(req->data), [](uv_handle_t* h) {
                                                 delete reinterpret_cast<uv_tcp_t*>(h);
                                             });
                                             delete req;
                                         });
                               ++p->handedOver;
                           }),
                 0);
        sockaddr_storage bound{};
        int length = sizeof bound;
        uv_tcp_getsockname(&primary.listener, reinterpret_cast<sockaddr*>(&bound), &length);
        const std::uint16_t port = ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);

        // The client sends three requests one after another, then the primary closes
        // its end of the channel: the server must close and the loop run out.
        std::vector<std::string> responses;
        uv_async_t clientDone;
        clientDone.data = &primary;
        uv_async_init(&loop, &clientDone, [](uv_async_t* async) {
            auto* p = static_cast<Primary*>(async->data);
            uv_close(reinterpret_cast<uv_handle_t*>(&p->listener), nullptr);
            uv_close(reinterpret_cast<uv_handle_t*>(&p->channel), nullptr);
            uv_close(reinterpret_cast<uv_handle_t*>(async), nullptr);
        });
        std::thread client([&] {
            for (int k = 0; k < 3; ++k)
                responses.push_back(fetch(port));
            uv_async_send(&clientDone);
        });
        uv_run(&loop, UV_RUN_DEFAULT);
        client.join();

        QCOMPARE(primary.fromServer, std::string("R"));  // it said it serves, once
        QCOMPARE(primary.handedOver, 3);
        QCOMPARE(seen, (std::vector<std::uint64_t>{2, 5, 8}));
        QCOMPARE(server.requestsSeen(), std::uint64_t(3));
        QCOMPARE(responses.size(), std::size_t(3));
        for (std::size_t k = 0; k < responses.size(); ++k) {
            QVERIFY2(responses[k].rfind("HTTP/1.1 200", 0) == 0, responses[k].c_str());
            QCOMPARE(header(responses[k], "X-Request"), std::to_string(2 + 3 * k));
        }
        QCOMPARE(uv_loop_close(&loop), 0);  // nothing left open: the server closed itself
    }

    void aDescriptorThatIsNoPipeIsRefused() {
        uv_loop_t loop;
        uv_loop_init(&loop);
        {
            HttpServer server(&loop, [](std::uint64_t) {});
            bool threw = false;
            try {
                server.serveFromIpc(-1);
            } catch (const std::runtime_error& error) {
                threw = true;
                QVERIFY2(std::string(error.what()).rfind("cannot open the connection channel (fd -1): ", 0) == 0,
                         error.what());
            }
            QVERIFY(threw);
        }
        uv_run(&loop, UV_RUN_DEFAULT);
        QCOMPARE(uv_loop_close(&loop), 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpServerIpc)
#include "test_http_server_ipc.moc"
