#include "MainWindow.h"

#include <QLabel>
#include <QMenuBar>

#include "ExportDialog.h"

namespace loopscope {

MainWindow::MainWindow(const QString& scenarioPath, QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("loopscope"));
    auto* label = new QLabel(tr("loopscope\n%1").arg(scenarioPath), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    resize(1600, 900);
    // File > Export picture (Ctrl+E). The lambda hands the dialog the run on screen; until the
    // window holds runs, the action says there is nothing to export yet.
    ExportDialog::addExportAction(this, menuBar()->addMenu(tr("&File")),
                                  []() -> std::optional<ExportDialog::Current> { return std::nullopt; });
}

}  // namespace loopscope
