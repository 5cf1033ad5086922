#include "RequestCsv.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "OutputFile.h"

namespace loopscope {

namespace {

constexpr const char* kHeader =
    "engine,request,server_request,scheduled_ms,arrival_ms,start_ms,end_ms,latency_ms,lane,status";

std::string time(Nanoseconds ns) {
    if (ns < 0)
        return {};
    char text[48];
    std::snprintf(text, sizeof text, "%lld.%06lld", static_cast<long long>(ns / kMillisecond),
                  static_cast<long long>(ns % kMillisecond));
    return text;
}

std::string quoted(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

// Splits one CSV record (RFC 4180 quoting); `at` moves past it.
bool nextRecord(std::string_view text, std::size_t& at, std::vector<std::string>& fields) {
    fields.assign(1, {});
    bool inQuotes = false;
    while (at < text.size()) {
        const char c = text[at++];
        if (inQuotes) {
            if (c == '"' && at < text.size() && text[at] == '"') {
                fields.back() += '"';
                ++at;
            } else if (c == '"') {
                inQuotes = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            inQuotes = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\n') {
            return true;
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return !inQuotes;
}

bool parseTime(const std::string& cell, Nanoseconds& out) {
    if (cell.empty()) {
        out = -1;
        return true;
    }
    const std::size_t dot = cell.find('.');
    if (dot == std::string::npos || cell.size() - dot - 1 != 6)
        return false;
    long long whole = 0, fraction = 0;
    auto a = std::from_chars(cell.data(), cell.data() + dot, whole);
    auto b = std::from_chars(cell.data() + dot + 1, cell.data() + cell.size(), fraction);
    if (a.ec != std::errc() || a.ptr != cell.data() + dot || b.ec != std::errc() || b.ptr != cell.data() + cell.size())
        return false;
    out = whole * kMillisecond + fraction;
    return true;
}

template <typename Number>
bool parseNumber(const std::string& cell, Number& out) {
    auto result = std::from_chars(cell.data(), cell.data() + cell.size(), out);
    return result.ec == std::errc() && result.ptr == cell.data() + cell.size();
}

}  // namespace

std::string requestCsvText(const std::vector<EngineRequests>& runs) {
    std::string text = std::string(kHeader) + "\n";
    for (const EngineRequests& run : runs) {
        for (const RequestTiming& r : run.requests) {
            text += quoted(run.engine) + "," + std::to_string(r.number) + "," + std::to_string(r.serverRequest) + "," +
                    time(r.scheduled) + "," + time(r.arrival) + "," + time(r.start) + "," +
                    time(r.answered() ? r.end : -1) + "," + time(r.latency()) + "," +
                    quoted(r.start >= 0 ? laneName(r.lane) : std::string()) + "," +
                    quoted(r.answered() ? std::to_string(r.status) : r.error) + "\n";
        }
    }
    return text;
}

std::vector<EngineRequests> parseRequestCsv(std::string_view text, std::string& error) {
    std::vector<EngineRequests> runs;
    std::size_t at = 0;
    std::vector<std::string> fields;
    int line = 0;
    auto fail = [&](const std::string& what) {
        error = "line " + std::to_string(line) + ": " + what;
        return std::vector<EngineRequests>{};
    };
    while (at < text.size()) {
        ++line;
        if (!nextRecord(text, at, fields))
            return fail("an unclosed quote");
        if (line == 1) {
            std::string header;
            for (std::size_t i = 0; i < fields.size(); ++i)
                header += (i ? "," : "") + fields[i];
            if (header != kHeader)
                return fail("expected the header " + std::string(kHeader));
            continue;
        }
        if (fields.size() == 1 && fields[0].empty())
            continue;
        if (fields.size() != 10)
            return fail("expected 10 fields, found " + std::to_string(fields.size()));
        RequestTiming r;
        Nanoseconds latency = -1;
        if (!parseNumber(fields[1], r.number) || !parseNumber(fields[2], r.serverRequest) ||
            !parseTime(fields[3], r.scheduled) || !parseTime(fields[4], r.arrival) || !parseTime(fields[5], r.start) ||
            !parseTime(fields[6], r.end) || !parseTime(fields[7], latency))
            return fail("a number or time is malformed");
        int status = 0;
        if (r.end >= 0 && parseNumber(fields[9], status))
            r.status = status;
        else
            r.error = fields[9].empty() ? "failed" : fields[9];
        auto found = std::find_if(runs.begin(), runs.end(),
                                  [&](const EngineRequests& run) { return run.engine == fields[0]; });
        if (found == runs.end()) {
            runs.push_back({fields[0], {}});
            found = runs.end() - 1;
        }
        found->requests.push_back(std::move(r));
    }
    error.clear();
    return runs;
}

std::string writeRequestCsv(const std::string& path, const std::vector<EngineRequests>& runs) {
    std::string error;
    writeOutputFile(path, requestCsvText(runs), &error);
    return error;
}

}  // namespace loopscope
