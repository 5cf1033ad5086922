#include "NodeTimers.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace loopscope {

bool NodeTimers::ByExpiry::operator()(const std::shared_ptr<NodeTimerList>& a,
                                      const std::shared_ptr<NodeTimerList>& b) const {
    if (a->expiry != b->expiry)
        return a->expiry < b->expiry;
    return a->id < b->id;
}

NodeTimers::NodeTimers(uv_loop_t* loop, std::function<void()> onTimersPhase,
                       std::function<void(DrainCaller)> afterEachTimer)
    : loop_(loop), handle_(new uv_timer_t), onTimersPhase_(std::move(onTimersPhase)),
      afterEachTimer_(std::move(afterEachTimer)),
      nextExpiry_(std::numeric_limits<double>::infinity()) {
    uv_timer_init(loop_, handle_);
    handle_->data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(handle_));
}

NodeTimers::~NodeTimers() { close(); }

void NodeTimers::close() {
    if (closed_)
        return;
    closed_ = true;
    // Timers and their lists point at each other: break the cycles.
    for (auto& [msecs, list] : lists_) {
        for (const NodeTimerPtr& timer : list->timers) {
            timer->active = false;
            timer->list.reset();
        }
        list->timers.clear();
    }
    lists_.clear();
    queue_.clear();
    uv_close(reinterpret_cast<uv_handle_t*>(handle_),
             [](uv_handle_t* h) { delete reinterpret_cast<uv_timer_t*>(h); });
}

double NodeTimers::now() {
    uv_update_time(loop_);
    return double(uv_now(loop_));
}

void NodeTimers::start(const NodeTimerPtr& timer) {
    if (closed_)
        return;
    if (timer->active)
        clear(timer);
    timer->cleared = false;
    if (timer->refed && !timer->counted) {
        timer->counted = true;
        changeRefCount(+1);
    }
    insert(timer, timer->msecs, now());
}

void NodeTimers::clear(const NodeTimerPtr& timer) {
    timer->cleared = true;
    if (timer->counted) {
        timer->counted = false;
        changeRefCount(-1);
    }
    if (!timer->active)
        return;
    timer->active = false;
    std::shared_ptr<NodeTimerList> list = timer->list;
    list->timers.erase(timer->position);
    timer->list.reset();
    if (list->timers.empty()) {
        auto found = lists_.find(list->msecs);
        if (found != lists_.end() && found->second == list)
            removeList(list);
    }
}

void NodeTimers::setRef(const NodeTimerPtr& timer, bool refed) {
    timer->refed = refed;
    // An interval inside its own callback is out of its list but still alive.
    const bool keepsAlive = refed && (timer->active || (timer->repeat && timer->running && !timer->cleared));
    if (keepsAlive != timer->counted) {
        timer->counted = keepsAlive;
        changeRefCount(keepsAlive ? +1 : -1);
    }
}

void NodeTimers::removeList(const std::shared_ptr<NodeTimerList>& list) {
    auto found = lists_.find(list->msecs);
    if (found != lists_.end() && found->second == list)
        lists_.erase(found);
    queue_.erase(list);
}

void NodeTimers::changeRefCount(int delta) {
    const std::size_t before = refCount_;
    refCount_ = std::size_t(std::int64_t(refCount_) + delta);
    if (closed_)
        return;
    if (before == 0 && refCount_ > 0)
        uv_ref(reinterpret_cast<uv_handle_t*>(handle_));
    else if (before > 0 && refCount_ == 0)
        uv_unref(reinterpret_cast<uv_handle_t*>(handle_));
}

void NodeTimers::insert(const NodeTimerPtr& timer, double msecs, double start) {
    timer->idleStart = start;
    std::shared_ptr<NodeTimerList>& slot = lists_[msecs];
    if (!slot) {
        slot = std::make_shared<NodeTimerList>();
        slot->msecs = msecs;
        slot->expiry = start + msecs;
        slot->id = nextListId_++;
        queue_.insert(slot);
        if (nextExpiry_ > slot->expiry) {
            scheduleTimer(msecs);
            nextExpiry_ = slot->expiry;
        }
    }
    timer->list = slot;
    timer->position = slot->timers.insert(slot->timers.end(), timer);
    timer->active = true;
}

void NodeTimers::scheduleTimer(double msecs) {
    uv_timer_start(handle_, &NodeTimers::onUvTimer, std::uint64_t(std::max(1.0, msecs)), 0);
}

void NodeTimers::onUvTimer(uv_timer_t* handle) { static_cast<NodeTimers*>(handle->data)->runTimers(); }

// Environment::RunTimers in Node's src/env.cc.
void NodeTimers::runTimers() {
    if (onTimersPhase_)
        onTimersPhase_();
    const double expiry = processTimers(now());
    if (closed_)
        return;
    auto* h = reinterpret_cast<uv_handle_t*>(handle_);
    if (expiry != 0) {
        const double duration = std::floor(std::abs(expiry)) - double(uv_now(loop_));
        uv_timer_start(handle_, &NodeTimers::onUvTimer, std::uint64_t(duration > 0 ? duration : 1), 0);
        if (refCount_ > 0)
            uv_ref(h);
        else
            uv_unref(h);
    } else {
        uv_unref(h);
    }
}

double NodeTimers::processTimers(double now) {
    nextExpiry_ = std::numeric_limits<double>::infinity();
    while (!closed_ && !queue_.empty()) {
        std::shared_ptr<NodeTimerList> list = *queue_.begin();
        if (list->expiry > now) {
            nextExpiry_ = list->expiry;
            return refCount_ > 0 ? nextExpiry_ : -nextExpiry_;
        }
        listOnTimeout(list, now);
    }
    return 0;
}

// Who drains the queues after a timer of `list`: listOnTimeout's runNextTicks() when the
// list's next timer is due, processTimers' when another list is, else the callback scope.
DrainCaller NodeTimers::drainAfter(const NodeTimerList& list, double now) const {
    if (!list.timers.empty() && now - list.timers.front()->idleStart >= list.msecs)
        return DrainCaller::BeforeNextTimer;
    for (const std::shared_ptr<NodeTimerList>& other : queue_) {
        if (other.get() == &list)
            continue;
        return other->expiry <= now ? DrainCaller::BeforeNextTimerList : DrainCaller::Loop;
    }
    return DrainCaller::Loop;
}

void NodeTimers::listOnTimeout(const std::shared_ptr<NodeTimerList>& list, double now) {
    const double msecs = list->msecs;
    while (!closed_ && !list->timers.empty()) {
        NodeTimerPtr timer = list->timers.front();
        const double diff = now - timer->idleStart;
        if (diff < msecs) {
            // Too early for the rest of this list: it goes back into the queue.
            queue_.erase(list);
            list->expiry = std::max(timer->idleStart + msecs, now + 1);
            list->id = nextListId_++;
            queue_.insert(list);
            return;
        }
        list->timers.pop_front();
        timer->list.reset();
        timer->active = false;
        const double start = timer->repeat ? this->now() : 0;
        if (timer->onTimeout) {
            timer->running = true;
            timer->onTimeout(*timer);
            timer->running = false;
        }
        if (closed_)
            return;
        if (timer->repeat && !timer->cleared) {
            insert(timer, timer->msecs, start);
        } else if (timer->counted && !timer->active) {  // active again: refreshed in its callback
            timer->counted = false;
            changeRefCount(-1);
        }
        if (afterEachTimer_)
            afterEachTimer_(drainAfter(*list, now));
        if (closed_)
            return;
    }
    if (closed_)
        return;
    auto found = lists_.find(msecs);
    if (found != lists_.end() && found->second == list)
        lists_.erase(found);
    queue_.erase(list);
}

}  // namespace loopscope
