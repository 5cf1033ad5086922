// A blocking HTTP/1.1 server on 127.0.0.1 that gives every connection its own OS
// thread, as a classic Java or C++ server does. The thread reads and parses its
// connection's requests one at a time and runs the handler for each; keep-alive
// connections stay with their thread until the client closes them.
//
// At most `threads.max` connection threads are alive; further connections wait in the
// listen backlog until one exits. Each thread gets a stack of `threads.stack` bytes.
// Its lane is Thread k (ThreadCreate, ThreadExit and the "threads alive" counter).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "Scenario.h"
#include "StopSignal.h"
#include "ThreadLanes.h"
#include "ThreadRunTrace.h"

namespace loopscope {

// A complete request, as the thread of its connection hands it to the handler.
struct ServedRequest {
    std::uint64_t number = 0;  // from 1, in arrival order over the server's life
    Lane lane;                 // the connection's thread
    int fd = -1;               // the connection
    bool keepAlive = false;
};

class ThreadPerConnectionServer {
public:
    // Runs on the connection's thread; returns whether the request was answered (the
    // connection of an unanswered one closes).
    using Handler = std::function<bool(const ServedRequest&)>;

    // The server reads `stop` and answers it in stop(); it stamps its events on `trace`.
    ThreadPerConnectionServer(const ThreadSettings& threads, ThreadRunTrace& trace, ThreadLanes& lanes,
                              const StopSignal& stop, Handler handler);
    ~ThreadPerConnectionServer();  // after join(): closes the listening socket
    ThreadPerConnectionServer(const ThreadPerConnectionServer&) = delete;
    ThreadPerConnectionServer& operator=(const ThreadPerConnectionServer&) = delete;

    // Binds 127.0.0.1 on an ephemeral port, raises the open-file limit for `requests`
    // connections, and starts accepting. Returns the port; throws std::runtime_error.
    std::uint16_t listen(int requests);

    // Writes `status` as the whole response to `request`, blocking; a client that went
    // away is ignored. Any thread.
    static void respond(const ServedRequest& request, int status);

    // No more connections will come: the client has had every answer.
    void clientFinished();
    // Blocks until the client has finished and every connection thread has ended, the
    // run is stopped, or `timeout` has passed.
    void waitUntilServed(Nanoseconds timeout);
    // Once the run's StopSignal is set: wakes accept() and every thread waiting for
    // its next request. Any thread.
    void stop();
    // After stop(): waits for the accept thread and every connection thread.
    void join();

private:
    void acceptLoop();
    bool takeSlot();
    void startThread(int fd);
    static void* threadEntry(void* argument);
    void serveConnection(int fd, std::uint32_t threadNumber);
    void endConnection(int fd, const Lane& lane);

    const ThreadSettings threads_;
    ThreadRunTrace& trace_;
    ThreadLanes& lanes_;
    const StopSignal& stop_;
    Handler handler_;
    int listenFd_ = -1;
    std::thread acceptThread_;
    std::atomic<std::uint64_t> nextRequest_{1};

    std::mutex mutex_;  // everything below
    std::condition_variable changed_;
    int slotsTaken_ = 0;         // connection threads alive, plus the one accept() is about to start
    int connectionThreads_ = 0;  // connection threads alive
    bool clientFinished_ = false;
    std::unordered_set<int> openConnections_;
};

}  // namespace loopscope
