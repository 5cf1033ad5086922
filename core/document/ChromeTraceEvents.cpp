#include "ChromeTraceEvents.h"

#include <charconv>
#include <cmath>
#include <algorithm>
#include <limits>

namespace loopscope {
namespace {

class EventReader {
public:
    EventReader(JsonCursor& json, std::deque<std::string>& arena) : json_(json), arena_(arena) {}

    ChromeTraceEvent read() {
        ChromeTraceEvent event;
        const std::size_t start = json_.offset();
        json_.expect('{', "an event ('{')");
        bool hasPhase = false;
        bool hasTs = false;
        if (!json_.consume('}')) {
            do {
                const std::string_view key = json_.readString(arena_);
                json_.expect(':', "':' after the key");
                if (key == "ph") {
                    const std::size_t at = json_.offset();
                    const std::string_view phase = json_.readString(arena_);
                    if (phase.size() != 1)
                        json_.fail("a one-letter \"ph\" (the event's phase)", at);
                    event.phase = phase[0];
                    hasPhase = true;
                } else if (key == "ts") {
                    event.ts = microseconds();
                    hasTs = true;
                } else if (key == "dur") {
                    event.duration = microseconds();
                } else if (key == "pid") {
                    event.pid = integer();
                } else if (key == "tid") {
                    event.tid = integer();
                } else if (key == "cat") {
                    event.category = json_.readString(arena_);
                } else if (key == "name") {
                    event.name = json_.readString(arena_);
                } else if (key == "id") {
                    event.id = identifier();
                } else if (key == "args") {
                    args(event);
                } else {
                    json_.skipValue(1);
                }
            } while (json_.consume(','));
            json_.expect('}', "',' or '}' in the event");
        }
        if (!hasPhase)
            json_.reject("expected \"ph\" (the event's phase) in the event that begins here", start);
        if (!hasTs)
            json_.reject("expected \"ts\" (the event's time) in the event that begins here", start);
        return event;
    }

private:
    Nanoseconds microseconds() {
        const std::size_t at = (json_.peek(), json_.offset());
        bool isInteger = false;
        const std::string_view text = json_.readNumberText(isInteger);
        // Node's clock counts from the machine's boot. Up to 146 years, a time and a
        // duration in nanoseconds add up without overflow.
        constexpr std::int64_t kMaxMicroseconds = 4'600'000'000'000'000;
        if (isInteger) {
            std::int64_t value = 0;
            const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
            if (result.ec == std::errc() && value >= 0 && value < kMaxMicroseconds)
                return value * 1000;
        } else {
            double value = 0;
            const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
            if (result.ec == std::errc() && value >= 0 && value < double(kMaxMicroseconds))
                return static_cast<Nanoseconds>(std::llround(value * 1000.0));
        }
        json_.fail("a time in microseconds from 0 to 4.6e15", at);
    }

    std::int64_t integer() {
        const std::size_t at = (json_.peek(), json_.offset());
        bool isInteger = false;
        const std::string_view text = json_.readNumberText(isInteger);
        std::int64_t value = 0;
        const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
        if (!isInteger || result.ec != std::errc())
            json_.fail("a whole number (a process or thread id)", at);
        return value;
    }

    std::uint64_t identifier() {
        const std::size_t at = (json_.peek(), json_.offset());
        if (json_.peek() != '"')
            return std::uint64_t(integer());
        std::string_view text = json_.readString(arena_);
        int base = 10;
        if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
            text.remove_prefix(2);
            base = 16;
        }
        std::uint64_t value = 0;
        const auto result = std::from_chars(text.data(), text.data() + text.size(), value, base);
        if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size())
            json_.fail("an id that is a number (\"0x2a\" or \"42\")", at);
        return value;
    }

    std::string_view stringOrSkip() {
        if (json_.peek() == '"')
            return json_.readString(arena_);
        json_.skipValue(2);
        return {};
    }

    // args: only what the import uses; everything else is checked and skipped.
    void args(ChromeTraceEvent& event) {
        if (json_.peek() != '{') {
            json_.skipValue(1);
            return;
        }
        json_.expect('{', "'{'");
        if (json_.consume('}'))
            return;
        do {
            const std::string_view key = json_.readString(arena_);
            json_.expect(':', "':' after the key");
            if (key == "data" && json_.peek() == '{')
                asyncData(event);
            else if (key == "name")
                event.argName = stringOrSkip();
            else if (key == "node")
                event.argNode = stringOrSkip();
            else if (key == "args" && json_.peek() == '{')
                environmentArgs(event);
            else
                json_.skipValue(2);
        } while (json_.consume(','));
        json_.expect('}', "',' or '}' in the event's args");
    }

    void asyncData(ChromeTraceEvent& event) {
        json_.expect('{', "'{'");
        if (json_.consume('}'))
            return;
        do {
            const std::string_view key = json_.readString(arena_);
            json_.expect(':', "':' after the key");
            if (key == "triggerAsyncId" && json_.peek() != '"')
                event.triggerAsyncId = integer();
            else
                json_.skipValue(3);
        } while (json_.consume(','));
        json_.expect('}', "',' or '}' in the event's args.data");
    }

    // The Environment event's {"args":{"args":["node","app.js"],"exec_args":[...]}}.
    void environmentArgs(ChromeTraceEvent& event) {
        json_.expect('{', "'{'");
        if (json_.consume('}'))
            return;
        do {
            const std::string_view key = json_.readString(arena_);
            json_.expect(':', "':' after the key");
            if (key == "args" && json_.peek() == '[') {
                json_.expect('[', "'['");
                std::size_t index = 0;
                if (!json_.consume(']')) {
                    do {
                        const std::string_view value = stringOrSkip();
                        if (index++ == 1)
                            event.argScript = value;
                    } while (json_.consume(','));
                    json_.expect(']', "',' or ']' in the array");
                }
            } else {
                json_.skipValue(3);
            }
        } while (json_.consume(','));
        json_.expect('}', "',' or '}' in the event's args.args");
    }

    JsonCursor& json_;
    std::deque<std::string>& arena_;
};

void expectTraceEventsKey(JsonCursor& json, std::deque<std::string>& arena) {
    json.expect('{', "'{' (a Chrome trace begins with {\"traceEvents\":)");
    const std::size_t keyAt = (json.peek(), json.offset());
    if (json.peek() != '"' || json.readString(arena) != "traceEvents")
        json.fail("\"traceEvents\" as the first key of a Chrome trace", keyAt);
    json.expect(':', "':' after \"traceEvents\"");
}

}  // namespace

void readChromeTraceEvents(std::string_view text, std::deque<std::string>& arena, ChromeTraceFile& into,
                           std::size_t maxEvents) {
    JsonCursor json(text);
    expectTraceEventsKey(json, arena);
    json.expect('[', "'[' (the list of trace events)");
    EventReader reader(json, arena);
    // Node writes about 170 bytes an event: room for them at once, not by doubling.
    constexpr std::size_t kSmallestEventBytes = 160;
    into.events.reserve(into.events.size() + std::min(maxEvents, text.size() / kSmallestEventBytes + 16));
    if (json.atEnd()) {
        into.complete = false;
        return;
    }
    if (!json.consume(']')) {
        do {
            // A process that died leaves its last flushed event whole, then nothing.
            if (json.atEnd()) {
                into.complete = false;
                return;
            }
            if (into.events.size() >= maxEvents)
                json.fail("at most " + std::to_string(maxEvents) + " events in a trace");
            into.events.push_back(reader.read());
            if (json.atEnd()) {
                into.complete = false;
                return;
            }
        } while (json.consume(','));
        json.expect(']', "',' or ']' after the event");
    }
    // Other keys of the trace object (Chrome allows "displayTimeUnit", "metadata", ...).
    while (json.consume(',')) {
        json.skipString();
        json.expect(':', "':' after the key");
        json.skipValue(1);
    }
    json.expect('}', "',' or '}' after the trace events");
    if (!json.atEnd())
        json.fail("the end of the file after the trace");
}

bool startsLikeChromeTrace(std::string_view firstBytes) {
    JsonCursor json(firstBytes);
    std::deque<std::string> arena;
    try {
        expectTraceEventsKey(json, arena);
        return true;
    } catch (const JsonSyntaxError&) {
        return false;
    }
}

}  // namespace loopscope
