#include "LoopInbox.h"

namespace loopscope {

void LoopInbox::start(uv_loop_t* loop) {
    uv_async_init(loop, &async_, [](uv_async_t* handle) { static_cast<LoopInbox*>(handle->data)->drain(); });
    async_.data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(&async_));
}

void LoopInbox::expect() {
    if (expected_++ == 0)
        uv_ref(reinterpret_cast<uv_handle_t*>(&async_));
}

void LoopInbox::post(std::function<void()> message) {
    {
        std::lock_guard lock(mutex_);
        messages_.push_back(std::move(message));
    }
    uv_async_send(&async_);
}

void LoopInbox::drain() {
    std::vector<std::function<void()>> messages;
    {
        std::lock_guard lock(mutex_);
        messages.swap(messages_);
    }
    if (!messages.empty() && !horizon_.stopped())
        trace_.phases().observe(Phase::Poll);
    for (auto& message : messages) {
        if (--expected_ == 0)
            uv_unref(reinterpret_cast<uv_handle_t*>(&async_));
        if (!horizon_.stopped())
            message();
    }
}

void LoopInbox::close() {
    auto* handle = reinterpret_cast<uv_handle_t*>(&async_);
    if (!uv_is_closing(handle))
        uv_close(handle, nullptr);
}

}  // namespace loopscope
