// The playhead: where in the run every panel looks. Play moves it through scenario time
// at a chosen speed; stepping moves it one event; while a run streams and the playhead
// is at the end, it follows the end.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "TraceEvent.h"

namespace loopscope {

class TraceStore;

class PlaybackController : public QObject {
    Q_OBJECT
public:
    explicit PlaybackController(QObject* parent = nullptr);

    void setStore(TraceStore* store);
    TraceStore* store() const { return store_; }

    std::size_t position() const { return position_; }  // events applied
    Nanoseconds time() const { return time_; }
    bool isPlaying() const { return timer_.isActive(); }
    bool isFollowing() const { return following_; }
    double speed() const { return speed_; }
    static const std::vector<double>& speeds();  // 0.01x .. 10x

public slots:
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBack();
    void toStart();
    void toEnd();
    void setSpeed(double speed);
    void faster();
    void slower();
    void seekTime(loopscope::Nanoseconds time);
    void seekEvent(std::size_t count);
    // The store grew: follow the end if the playhead is there.
    void storeGrew();

signals:
    void positionChanged(std::size_t events, loopscope::Nanoseconds time);
    void playingChanged(bool playing);
    void speedChanged(double speed);

private:
    void tick();
    void moveTo(std::size_t count, Nanoseconds time);
    std::size_t available() const;

    TraceStore* store_ = nullptr;
    std::size_t position_ = 0;
    Nanoseconds time_ = 0;
    double speed_ = 1.0;
    bool following_ = true;
    QTimer timer_;
    QTimer followTimer_;  // while a run streams, the panels catch up a few times a second
    QElapsedTimer clock_;
};

}  // namespace loopscope
