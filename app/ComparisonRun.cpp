#include "ComparisonRun.h"

#include <cstdio>

#include "CommandLine.h"
#include "EngineNames.h"
#include "RequestCsv.h"
#include "RunMeasurements.h"
#include "SummaryTable.h"

namespace loopscope {

int reportComparison(const RunOptions& options, const std::vector<MeasuredRun>& runs) {
    std::vector<EngineMeasurements> rows;
    std::vector<EngineRequests> requests;
    for (const MeasuredRun& run : runs) {
        std::vector<RequestTiming> timings = requestTimings(run.trace);
        rows.push_back({engineName(run.engine),
                        measureRun(timings, run.samples, processTotalsFromTrace(run.trace))});
        requests.push_back({engineName(run.engine), std::move(timings)});
    }
    if (!options.csvPath.isEmpty()) {
        const std::string error = writeRequestCsv(options.csvPath.toStdString(), requests);
        if (!error.empty()) {
            std::fprintf(stderr, "loopscope: %s\n", error.c_str());
            return kExitBadInput;  // as for every output that cannot be written
        }
    }
    if (options.summary) {
        const std::string table = formatSummaryTable(rows);
        std::fwrite(table.data(), 1, table.size(), stdout);
        std::fflush(stdout);
    }
    return kExitOk;
}

}  // namespace loopscope
