#include "LoadDriver.h"

#include <uv.h>

namespace loopscope {

LoadDriver::LoadDriver(const Scenario& scenario, std::uint16_t port, std::uint64_t runOrigin, Nanoseconds timeout,
                       TraceSink& sink, std::function<void()> onAllDone)
    : client_(std::make_unique<LoadClient>(port, scenario.load, scenario.runtime.timeScale, timeout)),
      runOrigin_(runOrigin),
      sink_(sink),
      onAllDone_(std::move(onAllDone)),
      total_(LoadClient::schedule(scenario.load, scenario.runtime.timeScale).size()) {
    const Lane clientLane{LaneKind::Client, 0, 0};
    // The client's times (since its own start) on the run's clock: wall time since the
    // run began, as every engine stamps its events. The schedule is already stretched
    // by time_scale, so nothing is divided by it.
    auto runTime = [this](Nanoseconds clientTime) {
        return static_cast<Nanoseconds>(client_->origin() - runOrigin_) + clientTime;
    };
    client_->onSent = [this, clientLane, runTime](const RequestRecord& record) {
        TraceEvent event;
        event.ts = runTime(record.sent);
        event.kind = EventKind::RequestSend;
        event.lane = clientLane;
        event.id = static_cast<std::uint64_t>(record.number);
        event.value = runTime(record.scheduled);
        sink_.record(event);
    };
    client_->onFinished = [this, clientLane, runTime](const RequestRecord& record) {
        TraceEvent event;
        event.ts = record.answered != 0 ? runTime(record.answered)
                                        : runTime(static_cast<Nanoseconds>(uv_hrtime() - client_->origin()));
        event.kind = EventKind::RequestDone;
        event.lane = clientLane;
        event.id = static_cast<std::uint64_t>(record.number);
        event.value = static_cast<std::int64_t>(record.serverRequest);
        event.text = record.error.empty() ? std::to_string(record.status) : record.error;
        sink_.record(event);
        if (++finished_ == total_) {
            done_ = true;
            if (onAllDone_)
                onAllDone_();
        }
    };
}

LoadDriver::~LoadDriver() {
    client_->cancel();
    client_->wait();
}

void LoadDriver::start() {
    if (total_ == 0) {
        done_ = true;
        if (onAllDone_)
            onAllDone_();
        return;
    }
    client_->start();
}

void LoadDriver::cancel() { client_->cancel(); }

void LoadDriver::wait() { client_->wait(); }

}  // namespace loopscope
