// A blocking client of the NetPeer, as a thread-per-request server makes a database
// call: the calling thread writes its query and sleeps until the answer is in.
// Queries share kConnections pipelined connections (NetClient, the event loop's
// client, opens at most as many), so that 10,000 waiting threads need no 10,000
// sockets of their own; one thread reads the answers and wakes their callers.
// NetPeer protocol: "ID NANOSECONDS\n" -> "ID\n".
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "Time.h"

namespace loopscope {

class BlockingPeerClient {
public:
    static constexpr std::size_t kConnections = 16;

    // Connects to the NetPeer on 127.0.0.1:`port` and starts the answer reader.
    // Throws std::runtime_error naming what the OS refused.
    explicit BlockingPeerClient(std::uint16_t port);
    ~BlockingPeerClient();  // close(), then waits for the reader
    BlockingPeerClient(const BlockingPeerClient&) = delete;
    BlockingPeerClient& operator=(const BlockingPeerClient&) = delete;

    // Sends query `id` (the peer answers after `takes`) and blocks until its answer is
    // in. Returns "" when answered, otherwise what went wrong ("stopped" after close()).
    // Any thread; ids must be unique among the queries waiting.
    std::string query(std::uint64_t id, Nanoseconds takes);

    // Ends every connection: waiting and later queries return "stopped". Any thread.
    void close();

private:
    struct Connection {
        int fd = -1;
        std::mutex writeMutex;
    };
    struct Waiter {
        bool done = false;                 // guarded by mutex_
        std::condition_variable answered;  // one per caller: an answer wakes only its thread
    };
    void connect(Connection& connection, std::uint16_t port);
    bool send(Connection& connection, const std::string& bytes);
    void readAnswers();
    void wakeAnswered(std::string& unread);

    std::vector<std::unique_ptr<Connection>> connections_;
    std::thread reader_;
    std::mutex mutex_;  // waiters_, closing_, error_
    std::unordered_map<std::uint64_t, std::shared_ptr<Waiter>> waiters_;
    std::vector<std::shared_ptr<Waiter>> toWake_;  // the reader's scratch list, kept for its capacity
    bool closing_ = false;
    std::string error_;  // set once the reader has ended
};

}  // namespace loopscope
