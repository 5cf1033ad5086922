// Pure measurement code: request timings from a trace, percentiles, throughput,
// peaks from /proc samples, the summary table and the request CSV.
#include <QtTest>

#include "engine/CollectingSink.h"
#include "ProcessTotalsSink.h"
#include "ProcessUsage.h"
#include "RequestCsv.h"
#include "RunMeasurements.h"
#include "SummaryTable.h"

using namespace loopscope;

namespace {

TraceEvent traceEvent(EventKind kind, Nanoseconds ts, std::uint64_t id, std::int64_t value, std::string text = {},
                 Lane lane = {LaneKind::Client, 0, 0}) {
    TraceEvent e;
    e.kind = kind;
    e.ts = ts;
    e.id = id;
    e.value = value;
    e.text = std::move(text);
    e.lane = lane;
    return e;
}

RequestTiming answered(int number, Nanoseconds arrival, Nanoseconds end) {
    RequestTiming r;
    r.number = number;
    r.arrival = arrival;
    r.end = end;
    r.status = 200;
    return r;
}

}  // namespace

class TestRunMeasurements : public QObject {
    Q_OBJECT

private slots:
    void joinsClientAndServerViewsOfEachRequest() {
        const Lane thread2{LaneKind::Thread, 0, 1};
        const Trace trace{
            traceEvent(EventKind::RequestSend, 1000, 1, 0),
            traceEvent(EventKind::RequestSend, 1500, 2, 0),
            // The server saw request 2 first: its numbers are arrival order.
            traceEvent(EventKind::RequestArrive, 2000, 1, 1, {}, thread2),
            traceEvent(EventKind::RequestArrive, 2600, 2, 2, {}, Lane{LaneKind::Thread, 0, 0}),
            traceEvent(EventKind::RequestDone, 9000, 2, 1, "200"),
            traceEvent(EventKind::RequestDone, 9500, 1, 2, "503"),
            traceEvent(EventKind::RequestDone, 9700, 3, 0, "connect: connection refused"),
        };
        const auto timings = requestTimings(trace);
        QCOMPARE(timings.size(), size_t(3));
        QCOMPARE(timings[0].number, 1);
        QCOMPARE(timings[0].serverRequest, std::uint64_t(2));
        QCOMPARE(timings[0].arrival, Nanoseconds(1000));
        QCOMPARE(timings[0].start, Nanoseconds(2600));
        QCOMPARE(timings[0].end, Nanoseconds(9500));
        QCOMPARE(timings[0].status, 503);
        QCOMPARE(timings[0].latency(), Nanoseconds(8500));
        QCOMPARE(timings[1].start, Nanoseconds(2000));
        QVERIFY(timings[1].lane == thread2);
        QCOMPARE(timings[1].latency(), Nanoseconds(7500));
        QVERIFY(!timings[2].answered());
        QCOMPARE(timings[2].arrival, Nanoseconds(-1));
        QCOMPARE(timings[2].start, Nanoseconds(-1));
        QCOMPARE(timings[2].error, std::string("connect: connection refused"));
    }

    void nearestRankPercentiles() {
        std::vector<Nanoseconds> values;
        for (int i = 100; i >= 1; --i)
            values.push_back(i);
        QCOMPARE(nearestRankPercentile(values, 0.5), Nanoseconds(50));
        QCOMPARE(nearestRankPercentile(values, 0.9), Nanoseconds(90));
        QCOMPARE(nearestRankPercentile(values, 0.99), Nanoseconds(99));
        QCOMPARE(nearestRankPercentile(values, 1.0), Nanoseconds(100));
        QCOMPARE(nearestRankPercentile({7}, 0.5), Nanoseconds(7));
        QCOMPARE(nearestRankPercentile({3, 1, 2}, 0.5), Nanoseconds(2));
        QCOMPARE(nearestRankPercentile({}, 0.5), Nanoseconds(0));
    }

    void requestFiguresCountFailuresAndThroughput() {
        std::vector<RequestTiming> requests{answered(1, 0, 100 * kMillisecond),
                                            answered(2, 10 * kMillisecond, 210 * kMillisecond),
                                            answered(3, 20 * kMillisecond, 500 * kMillisecond)};
        RequestTiming refused;
        refused.number = 4;
        refused.error = "connect: connection refused";
        RequestTiming timedOut;
        timedOut.number = 5;
        timedOut.arrival = 0;
        timedOut.error = "no response within 200 ms";
        requests.push_back(refused);
        requests.push_back(timedOut);
        const RunMeasurements m = measureRequests(requests);
        QCOMPARE(m.requests, 5);
        QCOMPARE(m.answered, 3);
        QCOMPARE(m.failed, 2);
        QCOMPARE(m.refused, 1);
        QCOMPARE(m.span, 500 * kMillisecond);
        QCOMPARE(m.throughput, 6.0);  // 3 answers in 0.5 s
        QCOMPARE(m.latencyP50, 200 * kMillisecond);
        QCOMPARE(m.latencyP90, 480 * kMillisecond);
        QCOMPARE(m.latencyMax, 480 * kMillisecond);
    }

    void peaksComeFromSamplesAndTheKernelsHighWaterMarks() {
        std::vector<ProcessSample> samples(3);
        samples[0].status.threads = 5;
        samples[1].status.threads = 57;
        samples[1].status.rssBytes = 30 << 20;
        samples[2].status.threads = 9;
        samples[2].status.vmBytes = 900 << 20;
        ProcessTotals totals;
        totals.peakRssBytes = 20 << 20;  // sampling saw more than VmHWM said: the larger wins
        totals.peakVmBytes = 1000 << 20;
        totals.cpuUser = 7 * kMillisecond;
        totals.voluntarySwitches = 12;
        const RunMeasurements m = measureRun({}, samples, totals);
        QCOMPARE(m.peakThreads, 57);
        QCOMPARE(m.peakRssBytes, std::int64_t(30 << 20));
        QCOMPARE(m.peakVmBytes, std::int64_t(1000 << 20));
        QCOMPARE(m.cpuUser, 7 * kMillisecond);
        QCOMPARE(m.voluntarySwitches, std::int64_t(12));
    }

    void parsesProcStatus() {
        const ProcessStatus status = parseProcessStatus("Name:\tloopscope\nVmPeak:\t  120000 kB\nVmSize:\t  "
                                                        "110000 kB\nVmHWM:\t    9000 kB\nVmRSS:\t    8000 kB\n"
                                                        "Threads:\t17\nSigQ:\t0/96365\n");
        QCOMPARE(status.threads, 17);
        QCOMPARE(status.peakVmBytes, std::int64_t(120000) * 1024);
        QCOMPARE(status.vmBytes, std::int64_t(110000) * 1024);
        QCOMPARE(status.peakRssBytes, std::int64_t(9000) * 1024);
        QCOMPARE(status.rssBytes, std::int64_t(8000) * 1024);
        const auto own = readProcessStatus(0);
        QVERIFY(own.has_value());
        QVERIFY(own->threads >= 1);
        QVERIFY(own->rssBytes > 0);
    }

    void processTotalsTravelAsCounters() {
        ProcessTotals totals;
        totals.cpuUser = 11;
        totals.cpuSystem = 22;
        totals.voluntarySwitches = 33;
        totals.involuntarySwitches = 44;
        totals.peakRssBytes = 55;
        totals.peakVmBytes = 66;
        loopscope::testing::CollectingSink sink;
        emitProcessTotals(sink, totals, 123);
        QCOMPARE(sink.events().size(), size_t(6));
        const ProcessTotals back = processTotalsFromTrace(sink.events());
        QCOMPARE(back.cpuUser, Nanoseconds(11));
        QCOMPARE(back.cpuSystem, Nanoseconds(22));
        QCOMPARE(back.voluntarySwitches, std::int64_t(33));
        QCOMPARE(back.involuntarySwitches, std::int64_t(44));
        QCOMPARE(back.peakRssBytes, std::int64_t(55));
        QCOMPARE(back.peakVmBytes, std::int64_t(66));
    }

    // A cluster primary's sink: the totals its processes report are added to its own
    // (not forwarded), and the peak thread count it measured is the run's.
    void totalsOfOtherProcessesAddUp() {
        ProcessTotals worker;
        worker.cpuUser = 100 * kMillisecond;
        worker.cpuSystem = 10 * kMillisecond;
        worker.voluntarySwitches = 7;
        worker.involuntarySwitches = 3;
        worker.peakRssBytes = 40 << 20;
        worker.peakVmBytes = 400 << 20;
        loopscope::testing::CollectingSink collected;
        ProcessTotalsSink sink(collected);
        emitProcessTotals(sink, worker, 5);  // process 1's, as the primary forwards them
        emitProcessTotals(sink, worker, 6);  // process 2's
        QVERIFY(collected.events().empty());
        TraceEvent peak;
        peak.kind = EventKind::Counter;
        peak.text = kCounterPeakThreads;
        peak.value = 13;
        sink.record(peak);
        TraceEvent end;
        end.kind = EventKind::RunEnd;
        end.ts = 9;
        sink.record(end);
        const Trace trace = collected.events();
        QCOMPARE(trace.back().kind, EventKind::RunEnd);
        const ProcessTotals total = processTotalsFromTrace(trace);
        const ProcessTotals own = readOwnProcessTotals();
        QVERIFY(total.cpuUser >= 2 * worker.cpuUser);
        QVERIFY(total.cpuUser <= 2 * worker.cpuUser + own.cpuUser + kSecond);
        QVERIFY(total.voluntarySwitches >= 14);
        QVERIFY(total.peakRssBytes >= 2 * worker.peakRssBytes + own.peakRssBytes / 2);
        QVERIFY(total.peakVmBytes >= 2 * worker.peakVmBytes);
        QCOMPARE(total.peakThreads, 13);
        QCOMPARE(measureRun({}, {}, total).peakThreads, 13);
        // One set of totals in the trace: the sum.
        int cpuCounters = 0;
        for (const TraceEvent& event : trace)
            cpuCounters += event.kind == EventKind::Counter && event.text == kCounterCpuUser;
        QCOMPARE(cpuCounters, 1);
    }

    void clusterProcessesAreKnownByTheirCommandLine() {
        using namespace std::string_view_literals;
        QVERIFY(isClusterProcessCommandLine("loopscope-engine\0engine-child\0--cluster-process\0" "1\0f.yaml\0"sv));
        QVERIFY(!isClusterProcessCommandLine("loopscope\0engine-child\0--load-client\0" "8080\0"sv));
        QVERIFY(!isClusterProcessCommandLine("loopscope\0--cluster-processs\0"sv));
        QVERIFY(!isClusterProcessCommandLine(""sv));
    }

    void processTotalsAddFieldByField() {
        ProcessTotals a, b;
        a.cpuUser = 1;
        b.cpuUser = 2;
        a.peakRssBytes = 10;
        b.peakRssBytes = 20;
        a.peakThreads = 3;
        b.peakThreads = 4;
        const ProcessTotals sum = addProcessTotals(a, b);
        QCOMPARE(sum.cpuUser, Nanoseconds(3));
        QCOMPARE(sum.peakRssBytes, std::int64_t(30));
        QCOMPARE(sum.peakThreads, 7);
    }

    void summaryTableHasOneRowPerEngineAndARatioRow() {
        RunMeasurements loop = measureRequests({answered(1, 0, 100 * kMillisecond)});
        loop.peakThreads = 7;
        RunMeasurements threads = measureRequests({answered(1, 0, 250 * kMillisecond)});
        threads.peakThreads = 70;
        const std::string table = formatSummaryTable({{"event-loop", loop}, {"thread-per-request", threads}});
        const QStringList lines = QString::fromStdString(table).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].startsWith("engine"));
        QVERIFY(lines[1].startsWith("event-loop "));
        QVERIFY(lines[2].startsWith("thread-per-request "));
        QVERIFY(lines[3].startsWith("ratio thread-per-request / event-loop"));
        // Every line is as wide as the header: the columns line up.
        for (const QString& line : lines)
            QCOMPARE(line.size(), lines[0].size());
        const QStringList ratio = lines[3].split(' ', Qt::SkipEmptyParts);
        QCOMPARE(ratio[4], QString("1.00"));  // answered: 1 and 1
        QCOMPARE(ratio[5], QString("-"));     // failed: 0 and 0, no ratio
        QVERIFY(lines[3].contains(" 2.50 "));              // latency 250 / 100
        QVERIFY(lines[3].contains(" 10.00 "));             // threads 70 / 7
        QVERIFY(lines[1].contains(" 100.0 "));
        QCOMPARE(summaryCells(loop).size(), summaryColumns().size());
        // The window lists the same cells as rows, named in full, with the same ratios.
        const std::vector<std::string> titles = summaryTitles();
        QCOMPARE(titles.size(), summaryColumns().size());
        QCOMPARE(titles[8], std::string("Peak threads"));
        const std::vector<std::string> ratios = summaryRatios(loop, threads);
        QCOMPARE(ratios.size(), titles.size());
        QCOMPARE(ratios[8], std::string("10.00"));
        QCOMPARE(ratios[1], std::string("-"));
    }

    // The metrics marked as the requests' own are exactly those the process figures
    // (samples, OS totals) leave alone, and they come first (a CSV of rows gives them).
    void requestMetricsDependOnlyOnTheRequests() {
        const std::vector<RequestTiming> requests{answered(1, 0, 100 * kMillisecond), answered(2, 0, 400 * kMillisecond)};
        std::vector<ProcessSample> samples(1);
        samples[0].status.threads = 9;
        samples[0].status.rssBytes = 30 << 20;
        samples[0].status.vmBytes = 90 << 20;
        ProcessTotals totals;
        totals.cpuUser = 7 * kMillisecond;
        totals.cpuSystem = 2 * kMillisecond;
        totals.voluntarySwitches = 12;
        totals.involuntarySwitches = 3;
        const RunMeasurements requestsOnly = measureRequests(requests);
        const RunMeasurements everything = measureRun(requests, samples, totals);
        QCOMPARE(kRequestSummaryCells, std::size_t(8));
        for (std::size_t k = 0; k < std::size(kSummaryMetrics); ++k) {
            const SummaryMetric& metric = kSummaryMetrics[k];
            QCOMPARE(metric.fromRequests, k < kRequestSummaryCells);
            const bool same = metric.value(requestsOnly) == metric.value(everything);
            QVERIFY2(same == metric.fromRequests, metric.column);
        }
        // Each cell is its metric as the format says.
        const std::vector<std::string> cells = summaryCells(everything);
        QCOMPARE(cells[0], std::string("2"));        // answered
        QCOMPARE(cells[2], std::string("5.0"));      // req/s: 2 answers in 400 ms
        QCOMPARE(cells[6], std::string("400.0"));    // max ms
        QCOMPARE(cells[9], std::string("30.0"));     // RSS MiB
        QCOMPARE(cells[11], std::string("7.0"));     // user ms
        QCOMPARE(cells[13], std::string("12"));      // vol cs
    }

    void csvRoundTripsExactly() {
        RequestTiming one = answered(1, 1234567, 201234568);
        one.serverRequest = 2;
        one.scheduled = 0;
        one.start = 2345678;
        one.lane = Lane{LaneKind::Thread, 0, 4};
        RequestTiming failed;
        failed.number = 2;
        failed.scheduled = 5 * kMillisecond;
        failed.error = "malformed response: \"odd\", really";
        const std::vector<EngineRequests> runs{{"event-loop", {one, failed}}, {"thread-per-request", {one}}};
        const std::string text = requestCsvText(runs);
        QVERIFY(text.starts_with("engine,request,server_request,scheduled_ms,arrival_ms,start_ms,end_ms,latency_ms,"
                                 "lane,status\n"));
        QVERIFY(text.find("event-loop,1,2,0.000000,1.234567,2.345678,201.234568,200.000001,thread 5,200\n") !=
                std::string::npos);
        QVERIFY(text.find("event-loop,2,0,5.000000,,,,,,\"malformed response: \"\"odd\"\", really\"\n") !=
                std::string::npos);
        std::string error;
        const auto back = parseRequestCsv(text, error);
        QCOMPARE(error, std::string());
        QCOMPARE(back.size(), size_t(2));
        QCOMPARE(back[0].engine, std::string("event-loop"));
        QCOMPARE(back[0].requests.size(), size_t(2));
        QCOMPARE(back[0].requests[0].latency(), one.latency());
        QCOMPARE(back[0].requests[0].start, one.start);
        QCOMPARE(back[0].requests[1].error, failed.error);
        QVERIFY(!back[0].requests[1].answered());
        QCOMPARE(summaryCells(measureRequests(back[1].requests)), summaryCells(measureRequests({one})));
    }

    void malformedCsvSaysWhere() {
        std::string error;
        QVERIFY(parseRequestCsv("engine,request\n", error).empty());
        QCOMPARE(QString::fromStdString(error),
                 QString("line 1: expected the header engine,request,server_request,scheduled_ms,arrival_ms,"
                         "start_ms,end_ms,latency_ms,lane,status"));
        const std::string header = "engine,request,server_request,scheduled_ms,arrival_ms,start_ms,end_ms,"
                                   "latency_ms,lane,status\n";
        QVERIFY(parseRequestCsv(header + "e,1,1,0.000000,1.5,,,,,200\n", error).empty());
        QCOMPARE(QString::fromStdString(error), QString("line 2: a number or time is malformed"));
        QVERIFY(parseRequestCsv(header + "e,1\n", error).empty());
        QCOMPARE(QString::fromStdString(error), QString("line 2: expected 10 fields, found 2"));
    }

    void csvIsWrittenThroughATemporaryFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("requests.csv").toStdString();
        QCOMPARE(writeRequestCsv(path, {{"event-loop", {answered(1, 0, kMillisecond)}}}), std::string());
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("event-loop,1,0,0.000000,0.000000,,1.000000,1.000000,,200"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);  // no temporary left behind
        const std::string refused = writeRequestCsv(dir.filePath("missing/dir/x.csv").toStdString(), {});
        QVERIFY2(refused.starts_with("cannot write "), refused.c_str());
        QVERIFY(refused.ends_with(": No such file or directory"));
    }
};

QTEST_GUILESS_MAIN(TestRunMeasurements)
#include "test_run_measurements.moc"
