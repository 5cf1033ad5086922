// A test fixture: an HttpServer on its own libuv loop and thread, answering each
// request from a uv timer `delay` after it arrived (as a handler waiting on I/O would).
#pragma once

#include <uv.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "HttpServer.h"

namespace loopscope::testing {

class ServerThread {
public:
    // Decides the answer: status (0 = never answer) for a request number.
    using Answer = std::function<int(std::uint64_t request)>;

    explicit ServerThread(std::uint64_t delayMs, Answer answer = [](std::uint64_t) { return 200; })
        : delayMs_(delayMs), answer_(std::move(answer)) {
        uv_loop_init(&loop_);
        server_ = std::make_unique<HttpServer>(&loop_, [this](std::uint64_t request) { onRequest(request); });
        port_ = server_->listen(0);
        uv_async_init(&loop_, &stop_, [](uv_async_t* async) {
            auto* self = static_cast<ServerThread*>(async->data);
            self->server_->close();
            for (uv_timer_t* timer : self->timers_)
                uv_close(reinterpret_cast<uv_handle_t*>(timer),
                         [](uv_handle_t* handle) { delete reinterpret_cast<uv_timer_t*>(handle); });
            self->timers_.clear();
            uv_close(reinterpret_cast<uv_handle_t*>(async), nullptr);
        });
        stop_.data = this;
        thread_ = std::thread([this] { uv_run(&loop_, UV_RUN_DEFAULT); });
    }

    ~ServerThread() { stop(); }

    void stop() {
        if (!thread_.joinable())
            return;
        uv_async_send(&stop_);
        thread_.join();
        server_.reset();
        uv_run(&loop_, UV_RUN_NOWAIT);  // close callbacks queued by the destructor
        uv_loop_close(&loop_);
    }

    std::uint16_t port() const { return port_; }
    std::uint64_t requestsSeen() const { return server_ ? server_->requestsSeen() : 0; }
    std::uint64_t answered() const { return answered_.load(); }
    // Calls `body` on the loop thread with the server (e.g. to close it from a handler).
    std::function<void(HttpServer&, std::uint64_t request)> onArrival;
    // How long request `request` waits before its answer (default: the constructor's delay).
    std::function<std::uint64_t(std::uint64_t request)> delayFor;
    std::function<std::string(std::uint64_t request)> bodyFor = [](std::uint64_t request) {
        return "request " + std::to_string(request) + "\n";
    };

private:
    void onRequest(std::uint64_t request) {
        if (onArrival)
            onArrival(*server_, request);
        const int status = answer_(request);
        if (status == 0)
            return;
        auto* timer = new uv_timer_t;
        uv_timer_init(&loop_, timer);
        timers_.push_back(timer);
        timer->data = this;
        pendingStatus_.push_back({timer, request, status});
        uv_timer_start(timer, [](uv_timer_t* t) {
            auto* self = static_cast<ServerThread*>(t->data);
            for (auto it = self->pendingStatus_.begin(); it != self->pendingStatus_.end(); ++it) {
                if (it->timer != t)
                    continue;
                self->server_->respond(it->request, it->status, self->bodyFor(it->request));
                ++self->answered_;
                self->pendingStatus_.erase(it);
                break;
            }
            std::erase(self->timers_, t);
            uv_close(reinterpret_cast<uv_handle_t*>(t),
                     [](uv_handle_t* handle) { delete reinterpret_cast<uv_timer_t*>(handle); });
        }, delayFor ? delayFor(request) : delayMs_, 0);
    }

    struct Pending {
        uv_timer_t* timer;
        std::uint64_t request;
        int status;
    };

    std::uint64_t delayMs_;
    Answer answer_;
    uv_loop_t loop_{};
    uv_async_t stop_{};
    std::unique_ptr<HttpServer> server_;
    std::uint16_t port_ = 0;
    std::thread thread_;
    std::vector<uv_timer_t*> timers_;
    std::vector<Pending> pendingStatus_;
    std::atomic<std::uint64_t> answered_{0};
};

}  // namespace loopscope::testing
