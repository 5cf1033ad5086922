// The runtime's TCP sockets driven directly, as lib/net.js drives them: only loopback is
// bound or connected to, and a connection's round trip comes as the loop's callbacks, in
// the order the kernel makes it.
// Before Qt's headers: their `emit` macro would rewrite NodeTrace::emit.
#include "CollectingSink.h"
#include "NodeRuntime.h"

#include <QtTest>

#include <algorithm>
#include <string>
#include <vector>

using namespace loopscope;
using namespace loopscope::testing;

namespace {

std::ptrdiff_t indexOf(const std::vector<std::string>& lines, const std::string& line) {
    const auto found = std::find(lines.begin(), lines.end(), line);
    return found == lines.end() ? -1 : found - lines.begin();
}

}  // namespace

class TestTcpSockets : public QObject {
    Q_OBJECT
private slots:
    void onlyLoopbackAddressesAreLoopback() {
        for (const char* loopback : {"127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"})
            QVERIFY2(isLoopbackAddress(loopback), loopback);
        for (const char* other : {"0.0.0.0", "10.1.2.3", "192.168.1.1", "::", "::ffff:10.0.0.1", "fe80::1",
                                  "localhost", ""})
            QVERIFY2(!isLoopbackAddress(other), other);
    }

    void bindAndConnectRefuseEveryOtherAddress() {
        CollectingSink sink;
        NodeRuntime runtime(sink, RuntimeSettings{}, std::nullopt);
        int bound = 0;
        int connected = 0;
        bool calledBack = false;
        const EngineResult result = runtime.run([&] {
            TcpSockets& tcp = runtime.tcp();
            bound = tcp.bind(tcp.open({}), "0.0.0.0", 0);
            connected = tcp.connect(tcp.open({}), "10.1.2.3", 80, [&](int) { calledBack = true; });
        });
        QVERIFY2(result.ok, result.error.c_str());
        QCOMPARE(bound, int(UV_EACCES));
        QCOMPARE(connected, int(UV_EACCES));
        QVERIFY(!calledBack);
        QVERIFY(sink.of(EventKind::IoBegin).empty());
    }

    // A client connects, writes "ping" and shuts its side down; the server reads the
    // chunk, then the end, and closes. Each outcome is a poll-phase callback, each close
    // a close-phase one.
    void aRoundTripIsTheLoopsCallbacksInOrder() {
        CollectingSink sink;
        NodeRuntime runtime(sink, RuntimeSettings{}, std::nullopt);
        std::vector<std::string> seen;
        TcpWritten written;
        const EngineResult result = runtime.run([&] {
            TcpSockets& tcp = runtime.tcp();
            const TcpSockets::Handle server = tcp.open({});
            QCOMPARE(tcp.bind(server, "127.0.0.1", 0), 0);
            QCOMPARE(tcp.listen(server, 16, [&, server](int status, TcpSockets::Handle accepted) {
                seen.push_back("connection " + std::to_string(status));
                tcp.close(server, nullptr);
                tcp.readStart(accepted, [&, accepted](ssize_t nread, std::string_view bytes) {
                    if (nread > 0) {
                        seen.push_back("server read " + std::string(bytes));
                        return;
                    }
                    seen.push_back(nread == UV_EOF ? "server end" : "server read error");
                    tcp.close(accepted, [&] { seen.push_back("server socket closed"); });
                });
            }), 0);
            TcpEndpoint listening;
            QCOMPARE(tcp.localEndpoint(server, listening), 0);
            QCOMPARE(listening.address, std::string("127.0.0.1"));
            const TcpSockets::Handle client = tcp.open({});
            QCOMPARE(tcp.connect(client, "127.0.0.1", listening.port, [&, client](int status) {
                seen.push_back("connected " + std::to_string(status));
                written = tcp.write(client, "ping", [&](int) { seen.push_back("write callback"); });
                tcp.shutdown(client, [&, client](int shutdown) {
                    seen.push_back("shutdown " + std::to_string(shutdown));
                    tcp.close(client, [&] { seen.push_back("client closed"); });
                });
            }), 0);
        });
        QVERIFY2(result.ok, result.error.c_str());
        // Four bytes on an idle loopback connection: taken at once, no callback.
        QCOMPARE(written.error, 0);
        QVERIFY(!written.async);
        QCOMPARE(written.bytes, std::size_t(4));
        QCOMPARE(indexOf(seen, "write callback"), std::ptrdiff_t(-1));
        for (const char* line : {"connection 0", "connected 0", "server read ping", "shutdown 0", "server end",
                                 "server socket closed", "client closed"})
            QVERIFY2(indexOf(seen, line) >= 0, line);
        QVERIFY(indexOf(seen, "connected 0") < indexOf(seen, "server read ping"));
        QVERIFY(indexOf(seen, "server read ping") < indexOf(seen, "server end"));
        QVERIFY(indexOf(seen, "shutdown 0") < indexOf(seen, "server end"));
        QVERIFY(indexOf(seen, "server end") < indexOf(seen, "server socket closed"));

        std::vector<std::string> pollLabels;
        std::vector<std::string> closeLabels;
        for (const TraceEvent& event : sink.of(EventKind::Enqueue)) {
            if (event.queue == QueueKind::Poll)
                pollLabels.push_back(event.text);
            else if (event.queue == QueueKind::Close)
                closeLabels.push_back(event.text);
        }
        std::sort(pollLabels.begin(), pollLabels.end());
        QCOMPARE(pollLabels, (std::vector<std::string>{"net connect", "net connection", "net data", "net end",
                                                       "net shutdown"}));
        QCOMPARE(closeLabels, (std::vector<std::string>{"net close", "net close"}));
        for (const TraceEvent& event : sink.of(EventKind::CallbackBegin))
            if (event.queue == QueueKind::Poll)
                QCOMPARE(event.phase, Phase::Poll);
    }
};

QTEST_GUILESS_MAIN(TestTcpSockets)
#include "test_tcp_sockets.moc"
