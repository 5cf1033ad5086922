#include "NodeCode.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace loopscope {
namespace {

std::string milliseconds(Nanoseconds duration) {
    char buffer[32];
    const double ms = double(duration) / double(kMillisecond);
    if (ms == std::floor(ms))
        std::snprintf(buffer, sizeof buffer, "%.0f", ms);
    else
        std::snprintf(buffer, sizeof buffer, "%g", ms);
    return buffer;
}

std::string human(Nanoseconds duration) {
    const double ms = double(duration) / double(kMillisecond);
    char buffer[32];
    if (duration >= kSecond && duration % kSecond == 0)
        std::snprintf(buffer, sizeof buffer, "%llds", static_cast<long long>(duration / kSecond));
    else
        std::snprintf(buffer, sizeof buffer, "%gms", ms);
    return buffer;
}

// A scenario text as a JavaScript string: '{i}' placeholders become template slots.
std::string literal(const std::string& text) {
    const bool templated = text.find("{i}") != std::string::npos || text.find("{tick}") != std::string::npos ||
                           text.find("{request}") != std::string::npos;
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (templated && c == '{') {
            const std::size_t close = text.find('}', i);
            if (close != std::string::npos) {
                out += "${" + text.substr(i + 1, close - i - 1) + "}";
                i = close;
                continue;
            }
        }
        if (c == '\\' || c == (templated ? '`' : '\''))
            out += '\\';
        if (templated && c == '$')
            out += '\\';
        out += c;
    }
    return templated ? "`" + out + "`" : "'" + out + "'";
}

std::string identifier(const std::string& name, const char* fallback) {
    std::string out;
    for (char c : name)
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$') ? c : '_';
    if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0])))
        out = fallback + out;
    return out;
}

class Writer {
public:
    NodeCode code;

    void line(int depth, const std::string& text, const SourceLocation* where = nullptr) {
        if (where && where->line > 0)
            code.lineOfStep.try_emplace(where->line, int(code.lines.size()));
        code.lines.push_back(std::string(std::size_t(depth) * 2, ' ') + text);
    }

    void steps(const StepList& list, int depth) {
        for (const Step& step : list)
            this->step(step, depth);
    }

    // A callback: `head` opens it, the body follows, `tail` closes it.
    void block(const Step& step, int depth, const std::string& head, const StepList& body, const std::string& tail) {
        line(depth, head, &step.where);
        steps(body, depth + 1);
        line(depth, tail);
    }

    std::string awaitExpression(const AwaitTarget& target, int depth) {
        switch (target.kind) {
        case AwaitTarget::Kind::Value: return target.value.empty() ? "null" : target.value;
        case AwaitTarget::Kind::Thenable: return "{ then(resolve) { resolve(" + (target.value.empty() ? "null" : target.value) + "); } }";
        case AwaitTarget::Kind::Promise: {
            if (target.promise.empty())
                return "undefined";
            const Step& s = target.promise.front();
            switch (s.kind) {
            case StepKind::ReadFile: return "fs.promises.readFile('data.txt') /* " + human(s.duration) + " */";
            case StepKind::Net: return "query(" + literal(s.text.empty() ? "database" : s.text) + ") /* " + human(s.duration) + " */";
            case StepKind::Sleep: return "sleep(" + milliseconds(s.duration) + ")";
            case StepKind::Pbkdf2: return "pbkdf2Async('secret', 'salt') /* " + human(s.duration) + " */";
            case StepKind::Gzip: return "gzipAsync(data) /* " + human(s.duration) + " */";
            case StepKind::DnsLookup: return "dns.promises.lookup('example.com')";
            case StepKind::Worker: return "runWorker() /* " + human(s.duration) + " */";
            case StepKind::Async: return identifier(s.text, "task") + "()";
            default: return std::string(stepKeyword(s.kind)) + "()";
            }
        }
        case AwaitTarget::Kind::All:
        case AwaitTarget::Kind::Race: {
            std::string inner;
            for (const AwaitTarget& input : target.inputs)
                inner += (inner.empty() ? "" : ", ") + awaitExpression(input, depth);
            return std::string(target.kind == AwaitTarget::Kind::All ? "Promise.all([" : "Promise.race([") + inner + "])";
        }
        }
        return "undefined";
    }

    void step(const Step& s, int depth) {
        const std::string timerName = s.timerId.empty() ? "" : "const " + identifier(s.timerId, "timer") + " = ";
        switch (s.kind) {
        case StepKind::Log: line(depth, "console.log(" + literal(s.text) + ");", &s.where); break;
        case StepKind::Cpu:
            line(depth, "compute(" + milliseconds(s.duration) + ");  // " + (s.text.empty() ? "synchronous work" : s.text) +
                            ", " + human(s.duration) + " of CPU",
                 &s.where);
            break;
        case StepKind::Call: {
            const std::string name = identifier(s.text, "fn");
            block(s, depth, "(function " + name + "() {", s.run, "})();");
            break;
        }
        case StepKind::SetTimeout:
            block(s, depth, timerName + "setTimeout(() => {", s.run, "}, " + milliseconds(s.duration) + ");");
            break;
        case StepKind::SetInterval:
            block(s, depth, timerName + "setInterval(() => {", s.run,
                  "}, " + milliseconds(s.duration) + ");" + (s.count > 0 ? "  // cleared after " + std::to_string(s.count) + " ticks" : ""));
            break;
        case StepKind::SetImmediate: block(s, depth, "setImmediate(() => {", s.run, "});"); break;
        case StepKind::NextTick: block(s, depth, "process.nextTick(() => {", s.run, "});"); break;
        case StepKind::QueueMicrotask: block(s, depth, "queueMicrotask(() => {", s.run, "});"); break;
        case StepKind::Promise:
            line(depth, "Promise.resolve().then(() => {", &s.where);
            steps(s.run, depth + 1);
            if (s.hasThen) {
                line(depth, "}).then(() => {");
                steps(s.then, depth + 1);
            }
            line(depth, "});");
            break;
        case StepKind::ReadFile:
            block(s, depth, "fs.readFile('data.txt', (err, data) => {  // " + human(s.duration) + " on the pool", s.then, "});");
            break;
        case StepKind::ReadFileSync:
            line(depth, "fs.readFileSync('data.txt');  // blocks " + human(s.duration), &s.where);
            break;
        case StepKind::Pbkdf2:
            block(s, depth, "crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', (err, key) => {  // " + human(s.duration) + " of CPU",
                  s.then, "});");
            break;
        case StepKind::Gzip:
            block(s, depth, "zlib.gzip(data, (err, zipped) => {  // " + human(s.duration) + " of CPU", s.then, "});");
            break;
        case StepKind::DnsLookup:
            block(s, depth, "dns.lookup('example.com', (err, address) => {  // " + human(s.duration), s.then, "});");
            break;
        case StepKind::Net:
            block(s, depth, "query(" + literal(s.text.empty() ? "database" : s.text) + ", (err, reply) => {  // " + human(s.duration) + " away",
                  s.then, "});");
            break;
        case StepKind::Worker:
            block(s, depth, "new Worker('./work.js').on('message', (result) => {  // " + human(s.duration) + " of CPU", s.then, "});");
            break;
        case StepKind::Respond: line(depth, "res.writeHead(" + std::to_string(s.count) + ").end();", &s.where); break;
        case StepKind::Async: {
            const std::string name = identifier(s.text, "task");
            block(s, depth, "(async function " + name + "() {", s.run, "})();");
            break;
        }
        case StepKind::Await:
            line(depth, "await " + (s.awaited.empty() ? std::string("undefined") : awaitExpression(s.awaited.front(), depth)) + ";",
                 &s.where);
            break;
        case StepKind::Repeat:
            block(s, depth, "for (let i = 1; i <= " + std::to_string(s.count) + "; i++) {", s.run, "}");
            break;
        case StepKind::ClearTimeout: line(depth, "clearTimeout(" + identifier(s.timerId, "timer") + ");", &s.where); break;
        case StepKind::ClearInterval: line(depth, "clearInterval(" + identifier(s.timerId, "timer") + ");", &s.where); break;
        case StepKind::Close: block(s, depth, "socket.on('close', () => {", s.run, "}).destroy();"); break;
        case StepKind::Sleep: line(depth, "await sleep(" + milliseconds(s.duration) + ");", &s.where); break;
        }
    }
};

void collectKinds(const StepList& list, std::set<StepKind>& kinds) {
    for (const Step& s : list) {
        kinds.insert(s.kind);
        collectKinds(s.run, kinds);
        collectKinds(s.then, kinds);
        for (const AwaitTarget& target : s.awaited) {
            std::vector<const AwaitTarget*> todo{&target};
            while (!todo.empty()) {
                const AwaitTarget* t = todo.back();
                todo.pop_back();
                collectKinds(t->promise, kinds);
                for (const AwaitTarget& input : t->inputs)
                    todo.push_back(&input);
            }
        }
    }
}

}  // namespace

NodeCode programCode(std::string_view source) {
    NodeCode code;
    code.isProgram = true;
    std::size_t start = 0;
    while (start < source.size()) {
        std::size_t end = source.find('\n', start);
        if (end == std::string_view::npos)
            end = source.size();
        code.lines.emplace_back(source.substr(start, end - start));
        start = end + 1;
    }
    return code;
}

int NodeCode::lineFor(const SourceLocation& step) const {
    if (isProgram)
        return step.line >= 1 && step.line <= int(lines.size()) ? step.line - 1 : -1;
    auto it = lineOfStep.find(step.line);
    return it == lineOfStep.end() ? -1 : it->second;
}

std::string NodeCode::text() const {
    std::string out;
    for (const std::string& line : lines)
        out += line + "\n";
    return out;
}

NodeCode nodeCodeFor(const Scenario& scenario) {
    Writer w;
    if (!scenario.title.empty())
        w.line(0, "// " + scenario.title);
    std::set<StepKind> kinds;
    collectKinds(scenario.main, kinds);
    if (scenario.server)
        collectKinds(scenario.server->handler, kinds);
    const int processes = scenario.runtime.processes;
    const bool cluster = processes > 1;
    if (cluster)
        w.line(0, "const cluster = require('cluster');");
    if (scenario.server)
        w.line(0, "const http = require('http');");
    if (kinds.count(StepKind::ReadFile) || kinds.count(StepKind::ReadFileSync))
        w.line(0, "const fs = require('fs');");
    if (kinds.count(StepKind::Pbkdf2))
        w.line(0, "const crypto = require('crypto');");
    if (kinds.count(StepKind::Gzip))
        w.line(0, "const zlib = require('zlib');");
    if (kinds.count(StepKind::DnsLookup))
        w.line(0, "const dns = require('dns');");
    if (kinds.count(StepKind::Worker))
        w.line(0, "const { Worker } = require('worker_threads');");
    if (kinds.count(StepKind::Sleep))
        w.line(0, "const { setTimeout: sleep } = require('timers/promises');");
    if (w.code.lines.size() > 1 || !scenario.title.empty())
        w.line(0, "");
    const bool esm = scenario.runtime.module == ModuleKind::Esm;
    if (esm)
        w.line(0, "// app.mjs: an ES module (top-level await allowed)");
    // In a cluster the primary only starts the processes; each one runs the program.
    const int body = cluster ? 1 : 0;
    if (cluster) {
        w.line(0, "if (cluster.isPrimary) {");
        w.line(1, "// connections are dealt round-robin to the processes");
        w.line(1, "for (let i = 0; i < " + std::to_string(processes) + "; i++) cluster.fork();");
        w.line(0, "} else {");
    }
    w.steps(scenario.main, body);
    if (scenario.server) {
        if (!scenario.main.empty())
            w.line(0, "");
        w.line(body, "http.createServer((req, res) => {", &scenario.server->where);
        w.steps(scenario.server->handler, body + 1);
        w.line(body, "}).listen(3000);");
    }
    if (cluster)
        w.line(0, "}");
    for (const LoadWave& wave : scenario.load) {
        std::string text = "// load: " + std::to_string(wave.requests) + " request" + (wave.requests == 1 ? "" : "s") +
                           " at " + human(wave.at);
        if (wave.requests > 1)
            text += ", " + human(wave.spacing) + " apart";
        w.line(0, text, &wave.where);
    }
    return w.code;
}

}  // namespace loopscope
