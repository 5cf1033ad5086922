// Every field of two trace events compared, each with its own message (QTest macros: call
// from a test function, then check QTest::currentTestFailed()).
#pragma once

#include <QtTest>

#include "TraceEvent.h"

namespace loopscope::testing {

inline void compareEvents(const TraceEvent& a, const TraceEvent& b) {
    QCOMPARE(a.ts, b.ts);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.phase, b.phase);
    QCOMPARE(a.queue, b.queue);
    QVERIFY(a.lane == b.lane);
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.cause, b.cause);
    QVERIFY(a.step == b.step);
    QCOMPARE(a.value, b.value);
    QCOMPARE(a.text, b.text);
}

}  // namespace loopscope::testing
