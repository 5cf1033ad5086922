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

    QSize sizeHint() const override { return {1100, 520}; }
    QSize minimumSizeHint() const override { return {640, 360}; }

signals:
    // The teacher picked another process of a cluster run to watch (0-based).
    void processChosen(int process);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateProcessChoice();

    QComboBox* processChoice_ = nullptr;  // shown when the run has several processes
    LoopState state_;
    Theme theme_ = Theme::light();
    LoopViewOptions options_;
};

}  // namespace loopscope
