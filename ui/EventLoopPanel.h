// The event loop at the playhead, painted by paintLoopView.
#pragma once

#include <QWidget>

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

    QSize sizeHint() const override { return {1100, 520}; }
    QSize minimumSizeHint() const override { return {640, 360}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    LoopState state_;
    Theme theme_ = Theme::light();
    LoopViewOptions options_;
};

}  // namespace loopscope
