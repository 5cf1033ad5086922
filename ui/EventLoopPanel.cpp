#include "EventLoopPanel.h"

#include <QPainter>

namespace loopscope {

EventLoopPanel::EventLoopPanel(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Event loop"));
}

void EventLoopPanel::setState(LoopState state) {
    state_ = std::move(state);
    setAccessibleDescription(QString::fromStdString(state_.narration));
    update();
}

void EventLoopPanel::setTheme(const Theme& theme) {
    theme_ = theme;
    update();
}

void EventLoopPanel::setOptions(const LoopViewOptions& options) {
    options_ = options;
    update();
}

void EventLoopPanel::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paintLoopView(painter, QRectF(rect()), state_, theme_, options_);
}

}  // namespace loopscope
