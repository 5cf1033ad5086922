#include "EventLoopPanel.h"

#include <QComboBox>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace loopscope {

EventLoopPanel::EventLoopPanel(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Event loop"));
    processChoice_ = new QComboBox(this);
    processChoice_->setAccessibleName(tr("Process"));
    processChoice_->setToolTip(tr("Which process of the cluster the loop shows"));
    processChoice_->hide();
    connect(processChoice_, &QComboBox::activated, this, &EventLoopPanel::processChosen);
}

void EventLoopPanel::updateProcessChoice() {
    const int processes = state_.processes;
    if (processes <= 1) {
        processChoice_->hide();
        return;
    }
    const QSignalBlocker block(processChoice_);
    if (processChoice_->count() != processes) {
        processChoice_->clear();
        for (int process = 1; process <= processes; ++process)
            processChoice_->addItem(tr("Process %1").arg(process));
        processChoice_->adjustSize();
        resizeEvent(nullptr);
    }
    processChoice_->setCurrentIndex(int(state_.process));
    processChoice_->show();
}

void EventLoopPanel::resizeEvent(QResizeEvent*) {
    const int margin = 6;
    processChoice_->move(width() - processChoice_->width() - margin, margin);
}

void EventLoopPanel::setState(LoopState state) {
    state_ = std::move(state);
    setAccessibleDescription(QString::fromStdString(state_.narration));
    updateProcessChoice();
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
    lastPaint_ = {};
    LoopViewOptions options = options_;
    options.report = &lastPaint_;
    paintLoopView(painter, QRectF(rect()), state_, theme_, options);
}

QString EventLoopPanel::toolTipAt(const QPoint& pos) const {
    for (const LoopViewReport::Chip& chip : lastPaint_.chips)
        if (chip.rect.contains(pos))
            return chip.text;
    return {};
}

bool EventLoopPanel::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

}  // namespace loopscope
