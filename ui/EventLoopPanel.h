// The event loop at the playhead, painted by paintLoopView.
#pragma once

#include <QWidget>

class QComboBox;

#include "LoopState.h"
#include "LoopView.h"
#include "Theme.h"

namespace loopscope {

class EventLoopPanel : public QWidget {
    Q_OBJECT
public:
    explicit EventLoopPanel(QWidget* parent = nullptr);

    void setState(LoopState state);
    const LoopState& state() const { return state_; }
    void setTheme(const Theme& theme);
    const Theme& theme() const { return theme_; }
    void setOptions(const LoopViewOptions& options);
    // The whole text of the chip under `pos` (queues, pool lanes), as its tooltip shows it.
    QString toolTipAt(const QPoint& pos) const;
    // What the last paint showed: chips and any text cut for want of room.
    const LoopViewReport& lastPaint() const { return lastPaint_; }

    QSize sizeHint() const override { return {1100, 520}; }
    QSize minimumSizeHint() const override { return {640, 360}; }

signals:
    // The teacher picked another process of a cluster run to watch (0-based).
    void processChosen(int process);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateProcessChoice();

    QComboBox* processChoice_ = nullptr;  // shown when the run has several processes
    LoopState state_;
    Theme theme_ = Theme::light();
    LoopViewOptions options_;
    LoopViewReport lastPaint_;
};

}  // namespace loopscope
