// setTimeout / setInterval exactly as Node 20 keeps them (lib/internal/timers.js):
// one list per duration, in creation order; a priority queue of lists by (expiry,
// list id); one real libuv timer armed for the earliest list. A timer's start is the
// loop's time *updated* at creation (getLibuvNow()), and all timers due at the moment
// the timers phase begins run in that phase, list by list. Mimicking Node's structure
// rather than giving each timer its own uv_timer keeps Node's order in the corner
// cases (a list keeps running its due timers before the next list is looked at).
#pragma once

#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <uv.h>

#include "CallbackQueues.h"

namespace loopscope {

struct NodeTimerList;

struct NodeTimer {
    double msecs = 1;      // real milliseconds (Node: _idleTimeout), >= 1
    bool repeat = false;   // setInterval
    std::function<void(NodeTimer&)> onTimeout;
    std::uint64_t callbackId = 0;  // the id its trace events carry
    std::string label;             // what the timers queue shows
    // Owned by NodeTimers:
    double idleStart = 0;
    bool active = false;   // in a list, will fire
    bool cleared = false;
    bool running = false;  // its callback is running now
    bool counted = false;  // keeps the loop alive now (Node's refCount)
    bool refed = true;     // keeps the loop alive while active (timer.ref() / unref())
    std::shared_ptr<NodeTimerList> list;
    std::list<std::shared_ptr<NodeTimer>>::iterator position;
};
using NodeTimerPtr = std::shared_ptr<NodeTimer>;

class NodeTimers {
public:
    // `onTimersPhase` runs when the libuv timer fires, before any JavaScript timer.
    // `afterEachTimer` runs after each timer's callback once an interval is back in its
    // list: where Node drains the nextTick and microtask queues (runNextTicks() before
    // the next timer, the callback scope's close after the last), so a timer that a
    // microtask creates goes behind the interval that queued it. Its argument says which of
    // the two: another due timer of the same list, another due list, or none.
    NodeTimers(uv_loop_t* loop, std::function<void()> onTimersPhase,
               std::function<void(DrainCaller)> afterEachTimer = {});
    ~NodeTimers();
    NodeTimers(const NodeTimers&) = delete;
    NodeTimers& operator=(const NodeTimers&) = delete;

    void start(const NodeTimerPtr& timer);  // setTimeout / setInterval
    void clear(const NodeTimerPtr& timer);  // clearTimeout / clearInterval; no-op if not active
    void setRef(const NodeTimerPtr& timer, bool refed);  // timer.ref() / timer.unref()
    void close();                           // closes the libuv timer (on teardown)
    std::size_t activeCount() const { return refCount_; }

    // getLibuvNow(): updates the loop's time first, as Node does.
    double now();

private:
    static void onUvTimer(uv_timer_t* handle);
    void runTimers();
    double processTimers(double now);
    void listOnTimeout(const std::shared_ptr<NodeTimerList>& list, double now);
    void insert(const NodeTimerPtr& timer, double msecs, double start);
    void scheduleTimer(double msecs);
    DrainCaller drainAfter(const NodeTimerList& list, double now) const;
    void changeRefCount(int delta);
    void removeList(const std::shared_ptr<NodeTimerList>& list);

    struct ByExpiry {
        bool operator()(const std::shared_ptr<NodeTimerList>& a, const std::shared_ptr<NodeTimerList>& b) const;
    };

    uv_loop_t* loop_;
    uv_timer_t* handle_;
    std::function<void()> onTimersPhase_;
    std::function<void(DrainCaller)> afterEachTimer_;
    std::map<double, std::shared_ptr<NodeTimerList>> lists_;
    std::set<std::shared_ptr<NodeTimerList>, ByExpiry> queue_;
    std::uint64_t nextListId_ = 1;
    double nextExpiry_;
    std::size_t refCount_ = 0;
    bool closed_ = false;
};

struct NodeTimerList {
    double msecs = 0;
    double expiry = 0;
    std::uint64_t id = 0;
    std::list<NodeTimerPtr> timers;
};

}  // namespace loopscope
