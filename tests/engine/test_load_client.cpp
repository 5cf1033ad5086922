// The load client against a real server: schedules, answers, latencies, and every
// way a request can fail being counted rather than lost.
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <poll.h>

#include "FileDescriptorLimit.h"
#include "HttpResponse.h"
#include "LoadClient.h"
#include "engine/LoopbackSocket.h"
#include "engine/ServerThread.h"

using namespace loopscope;
using loopscope::testing::LoopbackSocket;
using loopscope::testing::ServerThread;

namespace {

LoadWave wave(Nanoseconds at, int requests, Nanoseconds spacing) {
    LoadWave w;
    w.at = at;
    w.requests = requests;
    w.spacing = spacing;
    return w;
}

// A bare HTTP server on its own thread that counts the connections it accepts and answers
// each request at once (keep-alive unless `closeEach`), so that a test can see how the
// client uses its connections.
class CountingServer {
public:
    explicit CountingServer(bool closeEach = false) : closeEach_(closeEach) {
        listenFd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(listenFd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::listen(listenFd_, 64);
        socklen_t length = sizeof address;
        ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~CountingServer() {
        stopping_ = true;
        thread_.join();
        for (const pollfd& p : polled_)
            ::close(p.fd);
    }
    std::uint16_t port() const { return port_; }
    int accepted() const { return accepted_.load(); }
    int answered() const { return answered_.load(); }
    int keepAliveRequests() const { return keepAliveRequests_.load(); }

private:
    void serve() {
        polled_.push_back({listenFd_, POLLIN, 0});
        std::vector<std::string> inbox(1);
        while (!stopping_) {
            if (::poll(polled_.data(), polled_.size(), 10) <= 0)
                continue;
            for (std::size_t k = 0; k < polled_.size(); ++k) {
                if (polled_[k].revents == 0)
                    continue;
                if (k == 0) {
                    polled_.push_back({::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC), POLLIN, 0});
                    inbox.emplace_back();
                    ++accepted_;
                    continue;
                }
                char buffer[4096];
                const ssize_t n = ::recv(polled_[k].fd, buffer, sizeof buffer, 0);
                if (n <= 0) {
                    polled_[k].events = 0;  // closed by the client: keep the slot, stop polling it
                    continue;
                }
                inbox[k].append(buffer, static_cast<std::size_t>(n));
                std::size_t end;
                while ((end = inbox[k].find("\r\n\r\n")) != std::string::npos) {
                    if (inbox[k].substr(0, end).find("Connection: keep-alive") != std::string::npos)
                        ++keepAliveRequests_;
                    inbox[k].erase(0, end + 4);
                    const std::string answer =
                        encodeHttpResponse(200, "ok\n", !closeEach_, static_cast<std::uint64_t>(++answered_));
                    ::send(polled_[k].fd, answer.data(), answer.size(), MSG_NOSIGNAL);
                    if (closeEach_)
                        ::shutdown(polled_[k].fd, SHUT_WR);
                }
            }
        }
    }

    bool closeEach_;
    int listenFd_ = -1;
    std::uint16_t port_ = 0;
    std::vector<pollfd> polled_;
    std::thread thread_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> accepted_{0}, answered_{0}, keepAliveRequests_{0};
};

}  // namespace

class TestLoadClient : public QObject {
    Q_OBJECT

private slots:
    void scheduleStretchesWavesAndSortsThem() {
        const auto times = LoadClient::schedule({wave(0, 3, 10 * kMillisecond), wave(5 * kMillisecond, 2, 0)}, 2.0);
        const std::vector<Nanoseconds> expected{0, 10 * kMillisecond, 10 * kMillisecond, 20 * kMillisecond,
                                                40 * kMillisecond};
        QCOMPARE(times, expected);
        QVERIFY(LoadClient::schedule({}, 1.0).empty());
    }

    void threeRequestsAtOnceAreAllAnsweredAfterTheServersDelay() {
        ServerThread server(100);
        LoadClient client(server.port(), {wave(0, 3, 0)}, 1.0, 5 * kSecond);
        std::atomic<int> finished{0};
        client.onFinished = [&](const RequestRecord&) { ++finished; };
        client.start();
        client.wait();
        QCOMPARE(finished.load(), 3);
        const auto& records = client.records();
        QCOMPARE(records.size(), size_t(3));
        for (int i = 0; i < 3; ++i) {
            const RequestRecord& r = records[size_t(i)];
            QCOMPARE(r.number, i + 1);
            QCOMPARE(r.scheduled, Nanoseconds(0));
            QVERIFY2(r.ok(), r.error.c_str());
            QCOMPARE(r.status, 200);
            QVERIFY(r.serverRequest >= 1 && r.serverRequest <= 3);
            QVERIFY(r.sent >= r.scheduled);
            QVERIFY2(r.latency() >= 95 * kMillisecond, std::to_string(r.latency()).c_str());
        }
        QCOMPARE(server.requestsSeen(), std::uint64_t(3));
    }

    void recordsTheStatusTheServerSent() {
        ServerThread server(1, [](std::uint64_t request) { return request == 2 ? 503 : 200; });
        LoadClient client(server.port(), {wave(0, 2, 50 * kMillisecond)}, 1.0, 5 * kSecond);
        client.start();
        client.wait();
        QCOMPARE(client.records()[0].status, 200);
        QCOMPARE(client.records()[1].status, 503);
        QCOMPARE(client.records()[1].serverRequest, std::uint64_t(2));
        QVERIFY(client.records()[1].ok());  // answered: a 503 is an answer, not a lost request
    }

    // Each request goes out at its time, never before, and without waiting for the
    // answers to the ones before it (the server keeps each for 300 ms, three spacings).
    // How late a busy machine wakes the client is not the client's to promise.
    void sendsOnTheSpacingOfTheSchedule() {
        ServerThread server(300);
        LoadClient client(server.port(), {wave(50 * kMillisecond, 3, 100 * kMillisecond)}, 1.0, 5 * kSecond);
        client.start();
        client.wait();
        const auto& records = client.records();
        for (size_t i = 0; i < 3; ++i) {
            QVERIFY2(records[i].ok(), records[i].error.c_str());
            QCOMPARE(records[i].scheduled, Nanoseconds(50 + 100 * Nanoseconds(i)) * kMillisecond);
            QVERIFY(records[i].sent >= records[i].scheduled);
            if (i > 0)
                QVERIFY2(records[i].sent < records[i - 1].answered,
                         qPrintable(QString("sent %1 ms, the one before answered at %2 ms")
                                        .arg(double(records[i].sent) / 1e6)
                                        .arg(double(records[i - 1].answered) / 1e6)));
        }
    }

    void maxConnectionsHoldsRequestsUntilAConnectionIsFree() {
        ServerThread server(100);
        LoadClient client(server.port(), {wave(0, 6, 0)}, 1.0, 10 * kSecond);
        client.maxConnections = 2;
        client.start();
        client.wait();
        const auto& r = client.records();
        QCOMPARE(r.size(), size_t(6));
        for (size_t i = 0; i < 6; ++i) {
            QVERIFY2(r[i].ok(), r[i].error.c_str());
            QCOMPARE(r[i].scheduled, Nanoseconds(0));
            // Two at a time: request i goes once request i-2 has been answered.
            if (i >= 2)
                QVERIFY2(r[i].sent >= r[i - 2].answered, std::to_string(r[i].sent).c_str());
            QVERIFY2(r[i].latency() >= 95 * kMillisecond, std::to_string(r[i].latency()).c_str());
        }
        QVERIFY(r[4].sent >= 190 * kMillisecond);
    }

    // A benchmark client: with a connection limit, kept-alive connections carry the
    // next request, so two connections carry all twenty.
    void aConnectionLimitReusesKeepAliveConnections() {
        CountingServer server;
        LoadClient client(server.port(), {wave(0, 20, 0)}, 1.0, 5 * kSecond);
        client.maxConnections = 2;
        client.start();
        client.wait();
        int answered = 0;
        std::set<std::uint64_t> serverNumbers;
        for (const RequestRecord& r : client.records()) {
            QVERIFY2(r.ok(), r.error.c_str());
            answered += r.status == 200;
            serverNumbers.insert(r.serverRequest);
        }
        QCOMPARE(answered, 20);
        QCOMPARE(serverNumbers.size(), std::size_t(20));  // each answer matched to its own request
        QCOMPARE(server.accepted(), 2);
        QCOMPARE(server.keepAliveRequests(), 20);
    }

    // Users arriving (no limit): every request opens a connection of its own and asks
    // the server to close it.
    void withoutALimitEveryRequestHasItsOwnConnection() {
        CountingServer server;
        LoadClient client(server.port(), {wave(0, 5, 0)}, 1.0, 5 * kSecond);
        client.start();
        client.wait();
        for (const RequestRecord& r : client.records())
            QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(server.accepted(), 5);
        QCOMPARE(server.keepAliveRequests(), 0);
    }

    // A server that closes after every answer: the client replaces the connection and
    // every request is still answered.
    void aClosedKeepAliveConnectionIsReplaced() {
        CountingServer server(true);
        LoadClient client(server.port(), {wave(0, 6, 0)}, 1.0, 5 * kSecond);
        client.maxConnections = 2;
        client.start();
        client.wait();
        for (const RequestRecord& r : client.records())
            QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(server.answered(), 6);
        QCOMPARE(server.accepted(), 6);
    }

    void aThousandRequestsAreAllAnswered() {
        ServerThread server(20);
        LoadClient client(server.port(), {wave(0, 1000, 0)}, 1.0, 30 * kSecond);
        client.start();
        client.wait();
        int answered = 0;
        for (const RequestRecord& r : client.records())
            answered += r.ok() && r.status == 200;
        QCOMPARE(answered, 1000);
        QCOMPARE(server.requestsSeen(), std::uint64_t(1000));
    }

    void everyRequestToARefusedPortIsAnError() {
        const LoopbackSocket refusing(LoopbackSocket::Mode::Refusing);
        LoadClient client(refusing.port(), {wave(0, 5, 0), wave(20 * kMillisecond, 5, kMillisecond)}, 1.0,
                          5 * kSecond);
        std::atomic<int> finished{0};
        client.onFinished = [&](const RequestRecord&) { ++finished; };
        client.start();
        client.wait();
        QCOMPARE(finished.load(), 10);
        QCOMPARE(client.records().size(), size_t(10));
        for (const RequestRecord& r : client.records()) {
            QVERIFY(!r.ok());
            QCOMPARE(r.status, 0);
            QCOMPARE(QString::fromStdString(r.error), QString("connect: connection refused"));
            QCOMPARE(r.answered, Nanoseconds(0));
        }
    }

    // The client gives up after its timeout (it would wait forever for this server).
    void aServerThatNeverAnswersTimesOut() {
        ServerThread server(0, [](std::uint64_t) { return 0; });
        LoadClient client(server.port(), {wave(0, 4, 0)}, 1.0, 200 * kMillisecond);
        QElapsedTimer elapsed;
        elapsed.start();
        client.start();
        client.wait();
        QVERIFY(elapsed.elapsed() >= 200);
        for (const RequestRecord& r : client.records())
            QCOMPARE(QString::fromStdString(r.error), QString("no response within 200 ms"));
    }

    void aServerThatClosesWithoutAnswerIsAnError() {
        ServerThread server(0, [](std::uint64_t) { return 0; });
        server.onArrival = [](HttpServer& http, std::uint64_t) { http.close(); };
        LoadClient client(server.port(), {wave(0, 1, 0)}, 1.0, 5 * kSecond);
        client.start();
        client.wait();
        QCOMPARE(QString::fromStdString(client.records()[0].error),
                 QString("the server closed the connection without a response"));
    }

    // Without the cancel, the wait would last until the 60 s timeout; the second wave is
    // due at 10 s.
    void cancelEndsEveryRequestAsAnError() {
        ServerThread server(0, [](std::uint64_t) { return 0; });
        LoadClient client(server.port(), {wave(0, 3, 0), wave(10 * kSecond, 2, 0)}, 1.0, 60 * kSecond);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(server.requestsSeen(), std::uint64_t(3), 5000);
        QElapsedTimer elapsed;
        elapsed.start();
        client.cancel();
        client.wait();
        QVERIFY(elapsed.elapsed() < 10000);
        const auto& records = client.records();
        QCOMPARE(records.size(), size_t(5));
        for (size_t i = 0; i < 3; ++i)
            QCOMPARE(QString::fromStdString(records[i].error), QString("cancelled"));
        for (size_t i = 3; i < 5; ++i)
            QCOMPARE(QString::fromStdString(records[i].error), QString("cancelled before it was sent"));
    }

    // Without the cancel, the destructor would wait for the 60 s timeout.
    void destroyingARunningClientCancelsIt() {
        ServerThread server(0, [](std::uint64_t) { return 0; });
        QElapsedTimer elapsed;
        elapsed.start();
        {
            LoadClient client(server.port(), {wave(0, 2, 0)}, 1.0, 60 * kSecond);
            client.start();
        }
        QVERIFY(elapsed.elapsed() < 10000);
    }

    // In a helper process (as the engine child runs it): the same records come back.
    void aHelperProcessClientReportsTheSameRecords() {
        LoadClient::runInHelperProcess(LOOPSCOPE_ENGINE_BINARY);
        ServerThread server(50);
        std::vector<RequestRecord> finished;
        std::vector<int> sent;
        {
            LoadClient client(server.port(), {wave(0, 3, 0)}, 1.0, 5 * kSecond);
            client.onSent = [&](const RequestRecord& r) { sent.push_back(r.number); };
            client.onFinished = [&](const RequestRecord& r) { finished.push_back(r); };
            client.start();
            client.wait();
            QVERIFY(client.origin() > 0);
        }
        const LoopbackSocket refusing(LoopbackSocket::Mode::Refusing);
        LoadClient refused(refusing.port(), {wave(0, 2, 0)}, 1.0, 5 * kSecond);
        refused.start();
        refused.wait();
        LoadClient::runInHelperProcess({});
        std::sort(sent.begin(), sent.end());
        QCOMPARE(sent, (std::vector<int>{1, 2, 3}));
        QCOMPARE(finished.size(), std::size_t(3));
        for (const RequestRecord& r : finished) {
            QVERIFY2(r.ok(), r.error.c_str());
            QCOMPARE(r.status, 200);
            QVERIFY(r.serverRequest >= 1 && r.serverRequest <= 3);
            QVERIFY2(r.latency() >= 45 * kMillisecond, std::to_string(r.latency()).c_str());
        }
        for (const RequestRecord& r : refused.records())
            QCOMPARE(QString::fromStdString(r.error), QString("connect: connection refused"));
    }

    void aMissingHelperEndsEveryRequestAsAnError() {
        LoadClient::runInHelperProcess("/nonexistent/loopscope-engine");
        const LoopbackSocket refusing(LoopbackSocket::Mode::Refusing);
        LoadClient client(refusing.port(), {wave(0, 2, 0)}, 1.0, kSecond);
        client.start();
        client.wait();
        LoadClient::runInHelperProcess({});
        QCOMPARE(client.records().size(), std::size_t(2));
        for (const RequestRecord& r : client.records())
            QCOMPARE(QString::fromStdString(r.error),
                     QString("cannot start the load client '/nonexistent/loopscope-engine': No such file or directory"));
    }

    void fileDescriptorLimitIsRaisedWithinTheHardLimit() {
        const FileDescriptorLimit before = currentFileDescriptorLimit();
        QVERIFY(before.soft > 0);
        const FileDescriptorRaise within = ensureFileDescriptors(before.soft);
        QVERIFY(within.ok);
        QCOMPARE(within.limit.soft, before.soft);
        // More than fs.nr_open is refused even to root.
        const std::uint64_t impossible = 1ull << 40;
        const FileDescriptorRaise beyond = ensureFileDescriptors(impossible);
        QVERIFY(!beyond.ok);
        QVERIFY(beyond.limit.soft >= before.soft);
        const FileDescriptorLimit after = currentFileDescriptorLimit();
        QCOMPARE(beyond.limit.soft, after.soft);
        QCOMPARE(QString::fromStdString(beyond.message),
                 QString("%1 open files are needed; the system refused to raise the limit (%2, hard limit %3): "
                         "Operation not permitted")
                     .arg(impossible)
                     .arg(after.soft)
                     .arg(after.hard));
    }
};

QTEST_GUILESS_MAIN(TestLoadClient)
#include "test_load_client.moc"
