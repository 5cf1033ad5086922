#include "MessagePortHub.h"

#include "JavaScriptProgram.h"
#include "JsStrings.h"

namespace loopscope {

MessagePortHub& MessagePortHub::instance() {
    static MessagePortHub hub;
    return hub;
}

std::pair<std::uint64_t, std::uint64_t> MessagePortHub::entangle(JavaScriptProgram& owner) {
    std::lock_guard lock(mutex_);
    const std::uint64_t first = nextId_++;
    const std::uint64_t second = nextId_++;
    endpoints_[first].peer = second;
    endpoints_[first].owner = &owner;
    endpoints_[second].peer = first;
    endpoints_[second].owner = &owner;
    return {first, second};
}

std::uint64_t MessagePortHub::subscribe(const std::string& name, JavaScriptProgram& owner) {
    std::lock_guard lock(mutex_);
    const std::uint64_t id = nextId_++;
    Endpoint& endpoint = endpoints_[id];
    endpoint.channel = name;
    endpoint.broadcasts = true;
    endpoint.owner = &owner;
    return id;
}

void MessagePortHub::post(std::uint64_t from, std::string tape) {
    std::lock_guard lock(mutex_);
    auto sender = endpoints_.find(from);
    if (sender == endpoints_.end())
        return;
    if (!sender->second.broadcasts) {
        auto peer = endpoints_.find(sender->second.peer);
        if (peer != endpoints_.end())
            deliver(peer->first, peer->second, std::move(tape));
        return;
    }
    for (auto& [id, endpoint] : endpoints_) {
        if (id != from && endpoint.broadcasts && endpoint.channel == sender->second.channel)
            deliver(id, endpoint, tape);
    }
}

void MessagePortHub::close(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    closeLocked(id);
}

void MessagePortHub::closeLocked(std::uint64_t id) {
    auto found = endpoints_.find(id);
    if (found == endpoints_.end())
        return;
    auto peer = endpoints_.find(found->second.peer);
    if (peer != endpoints_.end()) {
        peer->second.peer = 0;
        deliver(peer->first, peer->second, std::nullopt);
    }
    endpoints_.erase(found);
}

std::uint64_t MessagePortHub::transfer(std::uint64_t id, std::vector<std::string> received) {
    std::lock_guard lock(mutex_);
    auto found = endpoints_.find(id);
    if (found == endpoints_.end())
        return 0;
    found->second.owner = nullptr;
    for (auto tape = received.rbegin(); tape != received.rend(); ++tape)
        found->second.inbox.emplace_front(std::move(*tape));
    return ++found->second.trips;
}

void MessagePortHub::dropUnarrived(const std::vector<std::pair<std::uint64_t, std::uint64_t>>& carried) {
    std::lock_guard lock(mutex_);
    for (auto [id, trip] : carried) {
        auto found = endpoints_.find(id);
        if (found != endpoints_.end() && !found->second.owner && found->second.trips == trip)
            closeLocked(id);
    }
}

void MessagePortHub::attach(std::uint64_t id, JavaScriptProgram& owner) {
    std::lock_guard lock(mutex_);
    auto found = endpoints_.find(id);
    if (found == endpoints_.end())
        return;
    found->second.owner = &owner;
    for (std::size_t count = found->second.inbox.size(); count > 0; --count)
        wake(id, owner);
}

std::optional<std::string> MessagePortHub::receive(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    auto found = endpoints_.find(id);
    if (found == endpoints_.end() || found->second.inbox.empty() || !found->second.inbox.front())
        return std::nullopt;
    std::optional<std::string> tape = std::move(found->second.inbox.front());
    found->second.inbox.pop_front();
    return tape;
}

void MessagePortHub::release(JavaScriptProgram& owner) {
    std::lock_guard lock(mutex_);
    std::vector<std::uint64_t> owned;
    for (auto& [id, endpoint] : endpoints_) {
        if (endpoint.owner == &owner)
            owned.push_back(id);
    }
    for (std::uint64_t id : owned)
        closeLocked(id);
}

std::optional<MessagePortHub::Delivery> MessagePortHub::take(std::uint64_t id, JavaScriptProgram& owner) {
    std::lock_guard lock(mutex_);
    auto found = endpoints_.find(id);
    if (found == endpoints_.end() || found->second.owner != &owner || found->second.inbox.empty())
        return std::nullopt;
    Delivery delivery = std::move(found->second.inbox.front());
    found->second.inbox.pop_front();
    return delivery;
}

void MessagePortHub::deliver(std::uint64_t id, Endpoint& endpoint, Delivery delivery) {
    endpoint.inbox.push_back(std::move(delivery));
    if (endpoint.owner)
        wake(id, *endpoint.owner);
}

// As a message from another thread: a poll-phase callback of the owner's loop, where the
// library's portEvent hook hands the tape (or null, the peer's close) to the port.
// The delivery is taken only then, so one that has left the thread meanwhile goes with it.
void MessagePortHub::wake(std::uint64_t id, JavaScriptProgram& owner) {
    const char* label = endpoints_[id].broadcasts ? "BroadcastChannel message" : "MessagePort message";
    owner.runtime().postFromThread([this, &owner, id, label] {
        std::optional<Delivery> delivery = take(id, owner);
        if (!delivery)
            return;
        NodeRuntime& runtime = owner.runtime();
        const char* what = *delivery ? label : "MessagePort close";
        runtime.runMessage(runtime.callback({}, what, [&owner, id, tape = std::move(*delivery)] {
            JSContext* cx = owner.cx();
            JSAutoRealm realm(cx, owner.global());
            JS::RootedValueArray<2> arguments(cx);
            arguments[0].setNumber(double(id));
            if (tape)
                arguments[1].setString(newString(cx, *tape));
            else
                arguments[1].setNull();
            owner.callHook("portEvent", arguments);
        }));
    });
}

}  // namespace loopscope
