#include "ClusterChannel.h"

#include "CpuBurn.h"
#include "TraceEvent.h"
#include "TraceSink.h"

namespace loopscope {

ClusterChannel::ClusterChannel(TraceSink& sink, Nanoseconds origin, int messageFd, Events events)
    : sink_(sink), origin_(origin), fd_(messageFd), events_(std::move(events)) {}

void ClusterChannel::start(uv_loop_t* loop) {
    uv_pipe_init(loop, &pipe_, 0);
    pipe_.data = this;
    if (uv_pipe_open(&pipe_, fd_) != 0) {
        uv_close(reinterpret_cast<uv_handle_t*>(&pipe_), nullptr);
        connected_ = false;
        return;
    }
    open_ = true;
    uv_unref(reinterpret_cast<uv_handle_t*>(&pipe_));
    uv_read_start(
        reinterpret_cast<uv_stream_t*>(&pipe_),
        [](uv_handle_t* handle, size_t, uv_buf_t* buf) {
            auto* self = static_cast<ClusterChannel*>(handle->data);
            *buf = uv_buf_init(self->buffer_, sizeof self->buffer_);
        },
        &ClusterChannel::onRead);
}

void ClusterChannel::onRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
    auto* self = static_cast<ClusterChannel*>(stream->data);
    if (nread < 0) {
        const bool wasConnected = self->connected_;
        self->connected_ = false;
        self->closePipe();
        if (wasConnected && self->events_.disconnect)
            self->events_.disconnect();
        return;
    }
    self->partial_.append(buf->base, std::size_t(nread));
    std::size_t start = 0;
    for (std::size_t end; self->connected_ && (end = self->partial_.find('\n', start)) != std::string::npos;
         start = end + 1) {
        if (self->events_.message)
            self->events_.message(self->partial_.substr(start, end - start));
    }
    self->partial_.erase(0, start);
}

void ClusterChannel::emit(std::int64_t value, std::string text) {
    TraceEvent event;
    event.ts = steadyNow() - origin_;
    event.kind = EventKind::ProcessMessage;
    event.value = value;
    event.text = std::move(text);
    sink_.record(event);
    // Out now: the primary may answer before this process logs anything else.
    sink_.flush();
}

bool ClusterChannel::send(const std::string& message) {
    if (!connected_)
        return false;
    emit(0, message);
    return true;
}

void ClusterChannel::disconnect() {
    if (!connected_)
        return;
    connected_ = false;
    emit(kProcessDisconnect, {});
    closePipe();
}

void ClusterChannel::setRef(bool refed) {
    if (!open_)
        return;
    if (refed)
        uv_ref(reinterpret_cast<uv_handle_t*>(&pipe_));
    else
        uv_unref(reinterpret_cast<uv_handle_t*>(&pipe_));
}

void ClusterChannel::closePipe() {
    if (!open_)
        return;
    open_ = false;
    uv_close(reinterpret_cast<uv_handle_t*>(&pipe_), nullptr);
}

void ClusterChannel::close() {
    connected_ = false;
    closePipe();
}

}  // namespace loopscope
