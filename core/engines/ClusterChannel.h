// A forked cluster worker's end of its channel to the primary (ClusterForks.h): the
// primary's messages arrive on the message pipe, one JSON text a line, and the worker's
// own go into its event stream as EventKind::ProcessMessage, after the lines it logged.
// As Node's IPC channel, it keeps the worker's loop alive only while the program listens
// for messages (setRef), and closing it is the worker's 'disconnect'.
#pragma once

#include <functional>
#include <string>

#include <uv.h>

#include "Time.h"

namespace loopscope {

class TraceSink;

class ClusterChannel {
public:
    struct Events {  // on the loop thread
        std::function<void(std::string message)> message;
        std::function<void()> disconnect;  // the primary closed the channel
    };
    // `origin`: the run's time 0 (steadyNow()), for the messages' timestamps.
    ClusterChannel(TraceSink& sink, Nanoseconds origin, int messageFd, Events events);
    ClusterChannel(const ClusterChannel&) = delete;
    ClusterChannel& operator=(const ClusterChannel&) = delete;

    // Starts reading on `loop`; unreferenced until setRef(true).
    void start(uv_loop_t* loop);
    bool connected() const { return connected_; }
    // process.send(): false once disconnected.
    bool send(const std::string& message);
    // process.disconnect(): the primary hears of it after everything sent before.
    void disconnect();
    void setRef(bool refed);
    // The run is over.
    void close();

private:
    static void onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
    void emit(std::int64_t value, std::string text);
    void closePipe();

    TraceSink& sink_;
    const Nanoseconds origin_;
    const int fd_;
    Events events_;
    uv_pipe_t pipe_{};
    bool open_ = false;
    bool connected_ = true;
    std::string partial_;  // a line not yet complete
    char buffer_[64 * 1024];
};

}  // namespace loopscope
