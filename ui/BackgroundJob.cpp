#include "BackgroundJob.h"

namespace loopscope {

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent) {}

BackgroundJob::~BackgroundJob() { wait(); }

void BackgroundJob::start(Work work) {
    wait();
    busy_ = true;
    thread_ = std::thread([this, work = std::move(work)] {
        std::function<void()> done = work();
        // Queued on this object: dropped if it is gone by then.
        QMetaObject::invokeMethod(this, [this, done = std::move(done)] {
            busy_ = false;
            if (done)
                done();
        }, Qt::QueuedConnection);
    });
}

void BackgroundJob::wait() {
    if (thread_.joinable())
        thread_.join();
}

}  // namespace loopscope
