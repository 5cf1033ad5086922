// TraceCodec: events survive the trip through the byte stream exactly, whatever the
// chunking of the stream; corrupt streams are refused, never misread.
#include "TraceCodec.h"
#include "support/SameEvent.h"

#include <QtTest>

#include <random>

using namespace loopscope;

namespace {

std::vector<TraceEvent> sampleEvents() {
    std::vector<TraceEvent> events;
    std::mt19937_64 random(42);
    for (int k = 0; k < 500; ++k) {
        TraceEvent event;
        event.ts = std::int64_t(random() % 100000000000ULL) - (k == 3 ? 5000 : 0);
        event.kind = EventKind(random() % (std::uint64_t(EventKind::RequestDone) + 1));
        event.phase = Phase(random() % (std::uint64_t(Phase::Close) + 1));
        event.queue = QueueKind(random() % (std::uint64_t(QueueKind::PoolFifo) + 1));
        event.lane = Lane{LaneKind(random() % (std::uint64_t(LaneKind::Client) + 1)), std::uint16_t(random() % 64),
                          std::uint32_t(random() % 2000)};
        event.id = k == 7 ? ~0ULL : random();
        event.cause = random() % 1000;
        event.step = SourceLocation{int(random() % 5000), int(random() % 200)};
        event.value = k == 9 ? std::numeric_limits<std::int64_t>::min() : std::int64_t(random() - (1ULL << 62));
        event.text = k % 5 == 0 ? std::string() : "log line " + std::to_string(k) + std::string(k % 50, 'x');
        events.push_back(event);
    }
    return events;
}

using loopscope::testing::compareEvents;

}  // namespace

class TestTraceCodec : public QObject {
    Q_OBJECT

private slots:
    void roundTripInOneChunk() {
        const auto events = sampleEvents();
        std::string bytes;
        for (const TraceEvent& event : events)
            encodeTraceEvent(event, bytes);
        TraceDecoder decoder;
        std::vector<TraceEvent> decoded;
        QVERIFY(decoder.feed(bytes.data(), bytes.size(), decoded));
        QCOMPARE(decoded.size(), events.size());
        for (std::size_t k = 0; k < events.size(); ++k)
            compareEvents(decoded[k], events[k]);
        QCOMPARE(decoder.pendingBytes(), std::size_t(0));
    }

    void roundTripInAnyChunking() {
        const auto events = sampleEvents();
        std::string bytes;
        for (const TraceEvent& event : events)
            encodeTraceEvent(event, bytes);
        for (std::size_t chunk : {std::size_t(1), std::size_t(3), std::size_t(17), std::size_t(4096)}) {
            TraceDecoder decoder;
            std::vector<TraceEvent> decoded;
            for (std::size_t at = 0; at < bytes.size(); at += chunk)
                QVERIFY(decoder.feed(bytes.data() + at, std::min(chunk, bytes.size() - at), decoded));
            QCOMPARE(decoded.size(), events.size());
            for (std::size_t k = 0; k < events.size(); ++k)
                compareEvents(decoded[k], events[k]);
        }
    }

    void incompleteFrameWaits() {
        TraceEvent event;
        event.kind = EventKind::Log;
        event.text = "hello";
        std::string bytes;
        encodeTraceEvent(event, bytes);
        TraceDecoder decoder;
        std::vector<TraceEvent> decoded;
        QVERIFY(decoder.feed(bytes.data(), bytes.size() - 1, decoded));
        QVERIFY(decoded.empty());
        QCOMPARE(decoder.pendingBytes(), bytes.size() - 1);
        QVERIFY(decoder.feed(bytes.data() + bytes.size() - 1, 1, decoded));
        QCOMPARE(decoded.size(), std::size_t(1));
        QCOMPARE(decoded[0].text, std::string("hello"));
    }

    void corruptStreamsAreRefused() {
        TraceEvent event;
        event.kind = EventKind::Log;
        event.text = "hello";
        std::string good;
        encodeTraceEvent(event, good);
        {
            std::string bad = good;
            bad[1] = char(200);  // an event kind that does not exist
            TraceDecoder decoder;
            std::vector<TraceEvent> decoded;
            QVERIFY(!decoder.feed(bad.data(), bad.size(), decoded));
            QVERIFY(decoder.failed());
            QVERIFY(decoded.empty());
        }
        {
            std::string bad = good;
            bad[0] = char(bad[0] + 3);  // the frame claims more bytes than its fields use
            bad += std::string(3, '\0');
            TraceDecoder decoder;
            std::vector<TraceEvent> decoded;
            QVERIFY(!decoder.feed(bad.data(), bad.size(), decoded));
        }
        {
            const std::string huge(12, char(0xff));  // a length prefix that never ends
            TraceDecoder decoder;
            std::vector<TraceEvent> decoded;
            QVERIFY(!decoder.feed(huge.data(), huge.size(), decoded));
        }
    }
};

QTEST_GUILESS_MAIN(TestTraceCodec)
#include "test_trace_codec.moc"
