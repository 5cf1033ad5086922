// Checks that a file is a Chrome Trace Event Format trace that Perfetto and
// chrome://tracing open as loopscope means it: for the exporter's own tests and for any
// test that runs `loopscope run --trace OUT.json` and wants to know the output is sound.
// Test-only (Qt's JSON parser); core never includes it.
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMap>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <vector>

namespace loopscope::testing {

inline bool isIntegral(const QJsonValue& value) {
    return value.isDouble() && std::floor(value.toDouble()) == value.toDouble();
}

// Every problem found, one per line (at most `limit`); an empty list means the trace is
// well formed:
//   - a JSON object {"traceEvents": [...], "displayTimeUnit": "ms"};
//   - every event has "ph", "name" (strings), a numeric "ts" and integral "pid"/"tid";
//   - "X" events have "dur" >= 0, and the X slices of one thread nest (never overlap);
//   - every thread and process that has events is named by an "M" event;
//   - every flow start "s" has exactly one "f" with the same numeric id, and back;
//   - "C" events carry exactly one numeric key in "args".
inline QStringList chromeTraceProblems(const QByteArray& json, int limit = 20) {
    QStringList problems;
    const auto problem = [&](const QString& text) {
        if (problems.size() < limit)
            problems << text;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        problem(QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
        return problems;
    }
    if (!document.isObject()) {
        problem(QStringLiteral("the top level is not an object"));
        return problems;
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("displayTimeUnit")).toString() != QStringLiteral("ms"))
        problem(QStringLiteral("displayTimeUnit is not \"ms\""));
    if (!root.value(QStringLiteral("traceEvents")).isArray()) {
        problem(QStringLiteral("no traceEvents array"));
        return problems;
    }
    const QJsonArray events = root.value(QStringLiteral("traceEvents")).toArray();

    using Thread = QPair<qint64, qint64>;
    QSet<Thread> usedThreads;
    QSet<qint64> usedProcesses;
    QSet<Thread> namedThreads;
    QSet<qint64> namedProcesses;
    QHash<qint64, int> flowStarts;
    QHash<qint64, int> flowEnds;
    QMap<Thread, std::vector<std::pair<double, double>>> slices;

    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString where = QStringLiteral("event %1: ").arg(i);
        if (!events[i].isObject()) {
            problem(where + QStringLiteral("not an object"));
            continue;
        }
        const QJsonObject event = events[i].toObject();
        const QString phase = event.value(QStringLiteral("ph")).toString();
        if (phase.isEmpty())
            problem(where + QStringLiteral("no \"ph\""));
        if (!event.value(QStringLiteral("name")).isString())
            problem(where + QStringLiteral("no \"name\" string"));
        if (!event.value(QStringLiteral("ts")).isDouble())
            problem(where + QStringLiteral("no numeric \"ts\""));
        if (!isIntegral(event.value(QStringLiteral("pid"))) || !isIntegral(event.value(QStringLiteral("tid")))) {
            problem(where + QStringLiteral("\"pid\" and \"tid\" must be integers"));
            continue;
        }
        const Thread thread(qint64(event.value(QStringLiteral("pid")).toDouble()),
                            qint64(event.value(QStringLiteral("tid")).toDouble()));
        const double ts = event.value(QStringLiteral("ts")).toDouble();
        const QString name = event.value(QStringLiteral("name")).toString();
        const QJsonObject args = event.value(QStringLiteral("args")).toObject();

        if (phase == QStringLiteral("M")) {
            if (name == QStringLiteral("thread_name") && args.value(QStringLiteral("name")).isString())
                namedThreads.insert(thread);
            if (name == QStringLiteral("process_name") && args.value(QStringLiteral("name")).isString())
                namedProcesses.insert(thread.first);
            continue;
        }
        usedThreads.insert(thread);
        usedProcesses.insert(thread.first);
        if (phase == QStringLiteral("X")) {
            const QJsonValue dur = event.value(QStringLiteral("dur"));
            if (!dur.isDouble() || dur.toDouble() < 0)
                problem(where + QStringLiteral("X \"%1\" without a \"dur\" >= 0").arg(name));
            else
                slices[thread].push_back({ts, ts + dur.toDouble()});
        } else if (phase == QStringLiteral("s") || phase == QStringLiteral("f")) {
            const QJsonValue id = event.value(QStringLiteral("id"));
            if (!isIntegral(id)) {
                problem(where + QStringLiteral("flow without a numeric \"id\""));
                continue;
            }
            if (phase == QStringLiteral("f") && event.value(QStringLiteral("bp")).toString() != QStringLiteral("e"))
                problem(where + QStringLiteral("flow end without \"bp\":\"e\""));
            (phase == QStringLiteral("s") ? flowStarts : flowEnds)[qint64(id.toDouble())] += 1;
        } else if (phase == QStringLiteral("C")) {
            if (args.size() != 1 || !args.begin().value().isDouble())
                problem(where + QStringLiteral("counter \"%1\" needs exactly one numeric key").arg(name));
        } else if (phase != QStringLiteral("i") && phase != QStringLiteral("I")) {
            problem(where + QStringLiteral("unexpected phase \"%1\"").arg(phase));
        }
    }

    for (const Thread& thread : usedThreads)
        if (!namedThreads.contains(thread))
            problem(QStringLiteral("thread pid %1 tid %2 has no thread_name").arg(thread.first).arg(thread.second));
    for (qint64 pid : usedProcesses)
        if (!namedProcesses.contains(pid))
            problem(QStringLiteral("process %1 has no process_name").arg(pid));
    for (auto it = flowStarts.cbegin(); it != flowStarts.cend(); ++it)
        if (it.value() != 1 || flowEnds.value(it.key()) != 1)
            problem(QStringLiteral("flow %1: %2 start(s), %3 end(s)").arg(it.key()).arg(it.value()).arg(flowEnds.value(it.key())));
    for (auto it = flowEnds.cbegin(); it != flowEnds.cend(); ++it)
        if (!flowStarts.contains(it.key()))
            problem(QStringLiteral("flow %1 ends but never starts").arg(it.key()));

    // Slices of one thread must nest like calls: a viewer cannot draw partial overlaps.
    constexpr double kSlack = 1e-6;
    for (auto it = slices.begin(); it != slices.end(); ++it) {
        auto& spans = it.value();
        std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first : a.second > b.second;
        });
        std::vector<double> openEnds;
        for (const auto& [begin, end] : spans) {
            while (!openEnds.empty() && begin >= openEnds.back() - kSlack)
                openEnds.pop_back();
            if (!openEnds.empty() && end > openEnds.back() + kSlack) {
                problem(QStringLiteral("pid %1 tid %2: slice [%3, %4] overlaps its parent ending at %5")
                            .arg(it.key().first).arg(it.key().second).arg(begin).arg(end).arg(openEnds.back()));
                break;
            }
            openEnds.push_back(end);
        }
    }
    return problems;
}

}  // namespace loopscope::testing
