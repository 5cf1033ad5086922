#include "MainWindow.h"

#include <QLabel>

namespace loopscope {

MainWindow::MainWindow(const QString& scenarioPath, QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("loopscope"));
    auto* label = new QLabel(tr("loopscope\n%1").arg(scenarioPath), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    resize(1600, 900);
}

}  // namespace loopscope
