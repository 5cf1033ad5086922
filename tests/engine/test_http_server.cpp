// The HTTP server against real sockets: keep-alive, pipelining order, partial
// reads, clients that leave early, malformed requests, and closing.
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "LoadClient.h"
#include "engine/ServerThread.h"

using namespace loopscope;
using loopscope::testing::ServerThread;

namespace {

class Socket {
public:
    explicit Socket(std::uint16_t port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        timeval timeout{5, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~Socket() { close(); }
    void close() {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }
    bool connected() const { return connected_; }
    void shutdownWrite() { ::shutdown(fd_, SHUT_WR); }
    void send(const std::string& bytes) {
        size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
            if (n <= 0)
                return;
            done += static_cast<size_t>(n);
        }
    }
    // Reads until `count` complete responses (by Content-Length) arrived, or EOF/timeout.
    std::string receiveResponses(int count) {
        while (completeResponses() < count) {
            if (!receiveSome())
                break;
        }
        return buffer_;
    }
    // Reads until the server closes; true if it did (rather than timing out).
    bool receiveUntilClosed() {
        char chunk[4096];
        for (;;) {
            const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
            if (n == 0)
                return true;
            if (n < 0)
                return false;
            buffer_.append(chunk, static_cast<size_t>(n));
        }
    }
    const std::string& received() const { return buffer_; }

private:
    bool receiveSome() {
        char chunk[4096];
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        buffer_.append(chunk, static_cast<size_t>(n));
        return true;
    }
    int completeResponses() const {
        int complete = 0;
        size_t at = 0;
        for (;;) {
            const size_t headerEnd = buffer_.find("\r\n\r\n", at);
            if (headerEnd == std::string::npos)
                return complete;
            const size_t lengthAt = buffer_.find("Content-Length: ", at);
            if (lengthAt == std::string::npos || lengthAt > headerEnd)
                return complete;
            const size_t length = std::stoul(buffer_.substr(lengthAt + 16));
            if (buffer_.size() < headerEnd + 4 + length)
                return complete;
            ++complete;
            at = headerEnd + 4 + length;
        }
    }

    int fd_ = -1;
    bool connected_ = false;
    std::string buffer_;
};

const std::string kGet = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

int occurrences(const std::string& text, const std::string& what) {
    int count = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++count;
    return count;
}

}  // namespace

class TestHttpServer : public QObject {
    Q_OBJECT

private slots:
    void answersWithStatusLineLengthAndBody() {
        ServerThread server(1);
        Socket client(server.port());
        QVERIFY(client.connected());
        client.send(kGet);
        const std::string response = client.receiveResponses(1);
        QVERIFY2(response.starts_with("HTTP/1.1 200 OK\r\n"), response.c_str());
        QVERIFY(response.find("Content-Length: 10\r\n") != std::string::npos);
        QVERIFY(response.find("X-Request: 1\r\n") != std::string::npos);
        QVERIFY(response.ends_with("\r\n\r\nrequest 1\n"));
    }

    void keepsTheConnectionAliveForTheNextRequest() {
        ServerThread server(1);
        Socket client(server.port());
        client.send(kGet);
        QCOMPARE(occurrences(client.receiveResponses(1), "HTTP/1.1 200"), 1);
        client.send(kGet);
        const std::string both = client.receiveResponses(2);
        QCOMPARE(occurrences(both, "HTTP/1.1 200"), 2);
        QVERIFY(both.find("Connection: keep-alive") != std::string::npos);
        QVERIFY(both.ends_with("request 2\n"));
        QCOMPARE(server.requestsSeen(), std::uint64_t(2));
    }

    void answersPipelinedRequestsInOrderEvenWhenRespondedOutOfOrder() {
        // The first request is answered 300 ms late, the second and third at once:
        // HTTP/1.1 still requires the answers in request order.
        ServerThread server(0);
        server.delayFor = [](std::uint64_t request) -> std::uint64_t { return request == 1 ? 300 : 0; };
        server.bodyFor = [](std::uint64_t request) { return "r" + std::to_string(request); };
        Socket client(server.port());
        client.send(kGet + kGet + kGet);
        const std::string responses = client.receiveResponses(3);
        QCOMPARE(occurrences(responses, "HTTP/1.1 200"), 3);
        const size_t first = responses.find("r1"), second = responses.find("r2"), third = responses.find("r3");
        QVERIFY2(first != std::string::npos && second != std::string::npos && third != std::string::npos,
                 responses.c_str());
        QVERIFY(first < second && second < third);
    }

    void handlesARequestArrivingOneByteAtATime() {
        ServerThread server(1);
        Socket client(server.port());
        for (char byte : kGet) {
            client.send(std::string(1, byte));
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        const std::string response = client.receiveResponses(1);
        QVERIFY2(response.starts_with("HTTP/1.1 200 OK\r\n"), response.c_str());
        QCOMPARE(server.requestsSeen(), std::uint64_t(1));
    }

    void rejectsMalformedRequestsWith400AndCloses() {
        ServerThread server(1);
        Socket client(server.port());
        client.send("THIS IS NOT HTTP\r\n\r\n");
        QVERIFY(client.receiveUntilClosed());
        QVERIFY2(client.received().starts_with("HTTP/1.1 400 Bad Request\r\n"), client.received().c_str());
        QVERIFY(client.received().find("Connection: close") != std::string::npos);
        QCOMPARE(server.requestsSeen(), std::uint64_t(0));
    }

    void answersEarlierRequestsBeforeTheRejectionOfALaterOne() {
        ServerThread server(50);
        Socket client(server.port());
        client.send(kGet + "GET / HTTP/1.1\r\nBad Header Without Colon\r\n\r\n");
        QVERIFY(client.receiveUntilClosed());
        const std::string& received = client.received();
        const size_t ok = received.find("HTTP/1.1 200 OK"), bad = received.find("HTTP/1.1 400 Bad Request");
        QVERIFY2(ok != std::string::npos && bad != std::string::npos && ok < bad, received.c_str());
    }

    void honoursConnectionClose() {
        ServerThread server(1);
        Socket client(server.port());
        client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + kGet);
        QVERIFY(client.receiveUntilClosed());
        QCOMPARE(occurrences(client.received(), "HTTP/1.1 200"), 1);
        QVERIFY(client.received().find("Connection: close") != std::string::npos);
        QCOMPARE(server.requestsSeen(), std::uint64_t(1));
    }

    void answersAHalfClosedClient() {
        ServerThread server(20);
        Socket client(server.port());
        client.send(kGet);
        client.shutdownWrite();
        QVERIFY(client.receiveResponses(1).starts_with("HTTP/1.1 200 OK"));
    }

    void survivesClientsThatLeaveBeforeTheAnswer() {
        ServerThread server(100);
        for (int i = 0; i < 50; ++i) {
            Socket leaving(server.port());
            leaving.send(kGet);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        // The answers to the 50 departed clients go nowhere; the server keeps serving.
        Socket staying(server.port());
        staying.send(kGet);
        QVERIFY(staying.receiveResponses(1).starts_with("HTTP/1.1 200 OK"));
        QTRY_COMPARE_WITH_TIMEOUT(server.answered(), std::uint64_t(51), 5000);
        QCOMPARE(server.requestsSeen(), std::uint64_t(51));
    }

    void closeEndsEveryConnectionAndTheLoop() {
        ServerThread server(1);
        Socket idle1(server.port());
        Socket idle2(server.port());
        idle1.send(kGet);
        QVERIFY(idle1.receiveResponses(1).starts_with("HTTP/1.1 200"));
        // stop() closes the server from its loop and joins: it returns only if the
        // loop ran out of handles, i.e. both open connections were closed.
        server.stop();
        QVERIFY(idle1.receiveUntilClosed());
        QVERIFY(idle2.receiveUntilClosed());
    }

    void listenReportsWhatTheSystemRefused() {
        ServerThread first(1);
        uv_loop_t loop;
        uv_loop_init(&loop);
        {
            HttpServer second(&loop, [](std::uint64_t) {});
            try {
                second.listen(first.port());
                QFAIL("a second server bound the same port");
            } catch (const std::runtime_error& error) {
                QCOMPARE(QString(error.what()),
                         QString("cannot listen on 127.0.0.1:%1: address already in use").arg(first.port()));
            }
        }
        uv_run(&loop, UV_RUN_DEFAULT);
        QCOMPARE(uv_loop_close(&loop), 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "test_http_server.moc"
