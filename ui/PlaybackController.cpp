#include "PlaybackController.h"

#include <algorithm>

#include "TraceStore.h"

namespace loopscope {

PlaybackController::PlaybackController(QObject* parent) : QObject(parent) {
    timer_.setInterval(16);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &PlaybackController::tick);
    followTimer_.setSingleShot(true);
    followTimer_.setInterval(40);
    connect(&followTimer_, &QTimer::timeout, this, [this] {
        if (following_ && !isPlaying() && store_)
            moveTo(available(), store_->endTime());
    });
}

const std::vector<double>& PlaybackController::speeds() {
    static const std::vector<double> values{0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0};
    return values;
}

void PlaybackController::setStore(TraceStore* store) {
    if (store_)
        disconnect(store_, nullptr, this, nullptr);
    store_ = store;
    if (store_)
        connect(store_, &TraceStore::grew, this, &PlaybackController::storeGrew);
    pause();
    following_ = true;
    moveTo(available(), store_ ? store_->endTime() : 0);
}

std::size_t PlaybackController::available() const { return store_ ? store_->index().indexedEvents() : 0; }

void PlaybackController::moveTo(std::size_t count, Nanoseconds time) {
    position_ = std::min(count, available());
    time_ = std::max<Nanoseconds>(0, time);
    emit positionChanged(position_, time_);
}

void PlaybackController::play() {
    if (!store_ || isPlaying())
        return;
    // Playing from the end starts over, as a media player does.
    if (position_ >= available() && (store_->isFinished()))
        moveTo(0, 0);
    following_ = false;
    clock_.start();
    timer_.start();
    emit playingChanged(true);
}

void PlaybackController::pause() {
    if (!timer_.isActive())
        return;
    timer_.stop();
    emit playingChanged(false);
}

void PlaybackController::togglePlay() { isPlaying() ? pause() : play(); }

void PlaybackController::tick() {
    if (!store_)
        return pause();
    const qint64 elapsed = clock_.nsecsElapsed();
    clock_.restart();
    const Nanoseconds target = time_ + Nanoseconds(double(elapsed) * speed_);
    const std::size_t count = store_->eventsUpTo(target);
    const bool atEnd = count >= available() && target >= store_->endTime();
    moveTo(count, std::min(target, std::max(store_->endTime(), time_)));
    if (atEnd && store_->isFinished())
        pause();
}

void PlaybackController::stepForward() {
    pause();
    following_ = false;
    if (!store_ || position_ >= available())
        return;
    moveTo(position_ + 1, store_->trace().timestampAt(position_));
}

void PlaybackController::stepBack() {
    pause();
    following_ = false;
    if (!store_ || position_ == 0)
        return;
    const std::size_t count = position_ - 1;
    moveTo(count, count == 0 ? 0 : store_->trace().timestampAt(count - 1));
}

void PlaybackController::toStart() {
    pause();
    following_ = false;
    moveTo(0, 0);
}

void PlaybackController::toEnd() {
    pause();
    following_ = true;
    moveTo(available(), store_ ? store_->endTime() : 0);
}

void PlaybackController::setSpeed(double speed) {
    speed = std::clamp(speed, speeds().front(), speeds().back());
    if (speed == speed_)
        return;
    speed_ = speed;
    emit speedChanged(speed_);
}

void PlaybackController::faster() {
    for (double s : speeds())
        if (s > speed_ + 1e-9)
            return setSpeed(s);
}

void PlaybackController::slower() {
    for (auto it = speeds().rbegin(); it != speeds().rend(); ++it)
        if (*it < speed_ - 1e-9)
            return setSpeed(*it);
}

void PlaybackController::seekTime(Nanoseconds time) {
    following_ = false;
    if (!store_)
        return;
    moveTo(store_->eventsUpTo(time), time);
}

void PlaybackController::seekEvent(std::size_t count) {
    following_ = false;
    if (!store_)
        return;
    count = std::min(count, available());
    moveTo(count, count == 0 ? 0 : store_->trace().timestampAt(count - 1));
}

void PlaybackController::storeGrew() {
    if (!following_ || isPlaying())
        return;
    // The last events of a run show at once; a stream in progress at most 25 times a second.
    if (store_->isIdle())
        moveTo(available(), store_->endTime());
    else if (!followTimer_.isActive())
        followTimer_.start();
}

}  // namespace loopscope
