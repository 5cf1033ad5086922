// The names of engines and queues: one table each (EngineNames.h, QueueNames.h), read by
// the command line, the engine child, the exporters, the loop state and the pictures.
#include <QtTest>

#include <set>
#include <string>

#include "EngineNames.h"
#include "QueueNames.h"

using namespace loopscope;

class TestTraceNames : public QObject {
    Q_OBJECT
private slots:
    void everyEngineIsFoundByItsName() {
        std::set<std::string> names, labels;
        for (const EngineNames& engine : kEngineNames) {
            QCOMPARE(engineNamed(engine.name), std::optional<EngineKind>(engine.kind));
            QCOMPARE(std::string(engineName(engine.kind)), std::string(engine.name));
            QCOMPARE(std::string(engineLabel(engine.kind)), std::string(engine.label));
            names.insert(engine.name);
            labels.insert(engine.label);
        }
        QCOMPARE(names.size(), std::size(kEngineNames));
        QCOMPARE(labels.size(), std::size(kEngineNames));
        QCOMPARE(std::string(engineName(EngineKind::EventLoop)), std::string("event-loop"));
        QCOMPARE(std::string(engineName(EngineKind::ThreadPerRequest)), std::string("thread-per-request"));
        QCOMPARE(std::string(engineLabel(EngineKind::ThreadPerRequest)), std::string("thread per request"));
    }

    void unknownEngineNamesAreRefused() {
        QCOMPARE(engineNamed("event loop"), std::nullopt);  // the label is not a name
        QCOMPARE(engineNamed("both"), std::nullopt);
        QCOMPARE(engineNamed(""), std::nullopt);
        QCOMPARE(engineNamed("Event-Loop"), std::nullopt);
    }

    void everyQueueHasItsRowAndDistinctNames() {
        std::set<std::string> names, callbacks;
        for (int k = 0; k <= int(QueueKind::PoolFifo); ++k) {
            const QueueKind kind = QueueKind(k);
            QCOMPARE(queueNames(kind).kind, kind);
            QCOMPARE(std::string(queueName(kind)), std::string(queueNames(kind).name));
            names.insert(queueNames(kind).name);
            callbacks.insert(queueNames(kind).callback);
        }
        QCOMPARE(names.size(), std::size(kQueueNames));
        QCOMPARE(callbacks.size(), std::size(kQueueNames));
        QCOMPARE(std::string(queueName(QueueKind::Microtask)), std::string("microtasks"));
        QCOMPARE(std::string(queueName(QueueKind::PoolFifo)), std::string("thread pool queue"));
    }

    void aCallbackWithoutTextIsNamedForItsQueue() {
        QCOMPARE(std::string(callbackLabel(QueueKind::None, Phase::MainScript)), std::string("main script"));
        QCOMPARE(std::string(callbackLabel(QueueKind::None, Phase::Poll)), std::string("callback"));
        QCOMPARE(std::string(callbackLabel(QueueKind::Timers, Phase::Timers)), std::string("timer callback"));
        QCOMPARE(std::string(callbackLabel(QueueKind::Check, Phase::MainScript)), std::string("setImmediate callback"));
        QCOMPARE(std::string(callbackLabel(QueueKind::Pending, Phase::Pending)), std::string("pending callback"));
    }
};

QTEST_MAIN(TestTraceNames)
#include "test_trace_names.moc"
