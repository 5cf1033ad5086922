#include "Scenario.h"

namespace loopscope {

const char* stepKeyword(StepKind kind) {
    switch (kind) {
    case StepKind::Log: return "log";
    case StepKind::Cpu: return "cpu";
    case StepKind::Call: return "call";
    case StepKind::SetTimeout: return "setTimeout";
    case StepKind::SetInterval: return "setInterval";
    case StepKind::SetImmediate: return "setImmediate";
    case StepKind::NextTick: return "nextTick";
    case StepKind::Promise: return "promise";
    case StepKind::QueueMicrotask: return "queueMicrotask";
    case StepKind::ReadFile: return "fs.readFile";
    case StepKind::ReadFileSync: return "fs.readFileSync";
    case StepKind::Pbkdf2: return "crypto.pbkdf2";
    case StepKind::Gzip: return "zlib.gzip";
    case StepKind::DnsLookup: return "dns.lookup";
    case StepKind::Net: return "net";
    case StepKind::Worker: return "worker";
    case StepKind::Respond: return "respond";
    case StepKind::Async: return "async";
    case StepKind::Await: return "await";
    case StepKind::Repeat: return "repeat";
    case StepKind::ClearTimeout: return "clearTimeout";
    case StepKind::ClearInterval: return "clearInterval";
    case StepKind::Close: return "close";
    case StepKind::Sleep: return "sleep";
    }
    return "?";
}

bool runsOnThreadPool(StepKind kind) {
    return kind == StepKind::ReadFile || kind == StepKind::Pbkdf2 || kind == StepKind::Gzip ||
           kind == StepKind::DnsLookup;
}

bool computesOnThreadPool(StepKind kind) {
    return kind == StepKind::Pbkdf2 || kind == StepKind::Gzip || kind == StepKind::DnsLookup;
}

int Scenario::totalRequests() const {
    int total = 0;
    for (const LoadWave& wave : load)
        total += wave.requests;
    return total;
}

}  // namespace loopscope
