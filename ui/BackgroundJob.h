// Long work of the window on a thread of its own, one piece at a time, its result shown on
// the GUI thread afterwards: saving a run of millions of events, preparing a comparison,
// recording a program under Node. The window stays responsive meanwhile.
#pragma once

#include <QObject>
#include <functional>
#include <thread>

namespace loopscope {

class BackgroundJob : public QObject {
    Q_OBJECT
public:
    // The work; what it returns runs on the GUI thread once it is done.
    using Work = std::function<std::function<void()>()>;

    explicit BackgroundJob(QObject* parent = nullptr);
    // Waits for the work in hand; its GUI part is dropped.
    ~BackgroundJob() override;

    // Waits for the work in hand first.
    void start(Work work);
    void wait();
    // Started, and its GUI part has not run yet.
    bool busy() const { return busy_; }

private:
    std::thread thread_;
    bool busy_ = false;
};

}  // namespace loopscope
