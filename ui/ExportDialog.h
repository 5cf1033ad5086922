// File > Export picture (Ctrl+E): the run as a PNG, SVG or PDF slide, or copied to the
// clipboard, with the same choices as `loopscope run --png/--svg/--pdf` (view, size,
// theme, moment) and painted by the same SlideRenderer.
#pragma once

#include <QDialog>
#include <functional>
#include <memory>
#include <optional>

#include "SlideWriter.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSpinBox;

namespace loopscope {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // `source`'s traces must outlive the dialog. `playhead` fills in the moment shown.
    ExportDialog(SlideSource source, Nanoseconds playhead, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // Adds "Export picture..." (Ctrl+E) to `menu`. When chosen, `currentRun` says what
    // the window shows (nothing: the action tells the user to run a scenario first).
    struct Current {
        SlideSource source;
        Nanoseconds playhead = -1;
    };
    static QAction* addExportAction(QWidget* window, QMenu* menu, std::function<std::optional<Current>()> currentRun);

    // What the controls say; false with *error when the moment is not a time.
    bool slideOptions(SlideOptions* options, QString* error) const;
    SlideFormat format() const;
    QString path() const;
    void setPath(const QString& path);
    void setFormat(SlideFormat format);
    void setView(SlideView view);
    void setSize(const QSize& size);
    void setTheme(const QString& theme);
    void setMoment(const QString& time);
    QString status() const;

public slots:
    bool exportToFile();
    bool copyImage();

private:
    void chooseFile();
    void updatePreview();
    void showStatus(const QString& text, bool isError);

    std::unique_ptr<SlideRenderer> renderer_;
    QComboBox* format_;
    QComboBox* view_;
    QSpinBox* width_;
    QSpinBox* height_;
    QComboBox* theme_;
    QLineEdit* at_;
    QLineEdit* path_;
    QLabel* preview_;
    QLabel* status_;
};

}  // namespace loopscope
