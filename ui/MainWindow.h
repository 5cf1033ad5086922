// The application window. Placeholder content until the panels land.
#pragma once

#include <QMainWindow>

namespace loopscope {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString& scenarioPath, QWidget* parent = nullptr);
};

}  // namespace loopscope
