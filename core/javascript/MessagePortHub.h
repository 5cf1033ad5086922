// The MessagePorts and BroadcastChannels that reach across threads. A port that stays in the
// thread that made its MessageChannel needs none of this (lib/worker_threads.js delivers
// its messages itself); once one of the two ports is transferred, both become endpoints
// here, and so is every BroadcastChannel.
//
// An endpoint belongs to one thread's program, or to none while it travels inside a
// message. What is sent to it waits in its inbox, in order, and its owner's loop is woken
// (uv_async_send, through NodeRuntime::postFromThread) once per entry; an endpoint that
// travels keeps its inbox and hands it to the thread that receives it. Closing one port
// closes its peer after the messages sent before.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace loopscope {

class JavaScriptProgram;

class MessagePortHub {
public:
    static MessagePortHub& instance();

    // What an endpoint receives: a message's tape, or (no tape) its peer's close.
    using Delivery = std::optional<std::string>;

    // Two entangled ports owned by `owner`.
    std::pair<std::uint64_t, std::uint64_t> entangle(JavaScriptProgram& owner);
    // A BroadcastChannel named `name` of `owner`.
    std::uint64_t subscribe(const std::string& name, JavaScriptProgram& owner);

    // A port's message to its peer; a BroadcastChannel's to every other of its name.
    void post(std::uint64_t from, std::string tape);
    // The endpoint is closed; a port's peer receives the close after what was sent before.
    void close(std::uint64_t id);
    // The port leaves its thread inside a message: `received` (messages its thread took
    // and no listener has had yet) come first when it arrives. Returns the trip's number.
    std::uint64_t transfer(std::uint64_t id, std::vector<std::string> received);
    // The message that carried these ports (id, trip) will not be read (its worker ended
    // first): those still on that trip close, as Node closes them with the message.
    void dropUnarrived(const std::vector<std::pair<std::uint64_t, std::uint64_t>>& carried);
    // The port has arrived at `owner`'s thread: what waited for it is delivered there.
    void attach(std::uint64_t id, JavaScriptProgram& owner);
    // receiveMessageOnPort: the next message waiting for the port, if any.
    std::optional<std::string> receive(std::uint64_t id);
    // `owner`'s program ends: its endpoints close.
    void release(JavaScriptProgram& owner);

    // On the owner's thread: the endpoint's next delivery, if it still belongs to `owner`.
    std::optional<Delivery> take(std::uint64_t id, JavaScriptProgram& owner);

private:
    struct Endpoint {
        std::uint64_t peer = 0;  // a port's, until either closes
        std::string channel;     // a BroadcastChannel's name
        bool broadcasts = false;
        JavaScriptProgram* owner = nullptr;  // none while it travels
        std::uint64_t trips = 0;
        std::deque<Delivery> inbox;
    };
    void deliver(std::uint64_t id, Endpoint& endpoint, Delivery delivery);
    void wake(std::uint64_t id, JavaScriptProgram& owner);
    void closeLocked(std::uint64_t id);

    std::mutex mutex_;
    std::map<std::uint64_t, Endpoint> endpoints_;  // guarded by mutex_
    std::uint64_t nextId_ = 1;
};

}  // namespace loopscope
