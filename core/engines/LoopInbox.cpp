#include "LoopInbox.h"

namespace loopscope {

void LoopInbox::start(uv_loop_t* loop) {
    uv_async_init(loop, &async_, [](uv_async_t* handle) { static_cast<LoopInbox*>(handle->data)->drain(); });
    async_.data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(&async_));
}

void LoopInbox::expect() {
    ++expected_;
    updateRef();
}

void LoopInbox::hold() {
    ++holds_;
    updateRef();
}

void LoopInbox::release() {
    if (holds_ > 0)
        --holds_;
    updateRef();
}

void LoopInbox::updateRef() {
    auto* handle = reinterpret_cast<uv_handle_t*>(&async_);
    if (uv_is_closing(handle))
        return;
    if (expected_ + holds_ > 0)
        uv_ref(handle);
    else
        uv_unref(handle);
}

void LoopInbox::post(std::function<void()> message, bool expected) {
    {
        std::lock_guard lock(mutex_);
        messages_.push_back(Message{std::move(message), expected});
    }
    uv_async_send(&async_);
}

void LoopInbox::drain() {
    std::vector<Message> messages;
    {
        std::lock_guard lock(mutex_);
        messages.swap(messages_);
    }
    if (!messages.empty() && !horizon_.stopped())
        trace_.phases().observe(Phase::Poll);
    for (auto& message : messages) {
        if (message.expected && expected_ > 0) {
            --expected_;
            updateRef();
        }
        if (!horizon_.stopped())
            message.body();
    }
}

void LoopInbox::close() {
    auto* handle = reinterpret_cast<uv_handle_t*>(&async_);
    if (!uv_is_closing(handle))
        uv_close(handle, nullptr);
}

}  // namespace loopscope
