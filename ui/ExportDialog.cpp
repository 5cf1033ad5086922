#include "ExportDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTimer>

#include "LoopState.h"
#include "ScenarioParser.h"

namespace loopscope {
namespace {

QString suffixOf(SlideFormat format) { return slideFormatName(format).toLower(); }

}  // namespace

ExportDialog::ExportDialog(SlideSource source, Nanoseconds playhead, QWidget* parent)
    : QDialog(parent), renderer_(std::make_unique<SlideRenderer>(std::move(source))) {
    setWindowTitle(tr("Export picture"));

    format_ = new QComboBox(this);
    for (SlideFormat f : {SlideFormat::Png, SlideFormat::Svg, SlideFormat::Pdf})
        format_->addItem(slideFormatName(f), int(f));
    view_ = new QComboBox(this);
    view_->addItem(tr("Timeline: every lane over time"), int(SlideView::Timeline));
    view_->addItem(tr("Event loop at one moment"), int(SlideView::Loop));
    view_->addItem(tr("Comparison of both engines"), int(SlideView::Comparison));
    auto* model = qobject_cast<QStandardItemModel*>(view_->model());
    for (int i = 0; i < view_->count(); ++i) {
        QString why;
        if (!renderer_->canShow(SlideView(view_->itemData(i).toInt()), &why)) {
            model->item(i)->setEnabled(false);
            model->item(i)->setToolTip(why);
        }
    }
    width_ = new QSpinBox(this);
    width_->setRange(16, 16384);
    width_->setValue(1920);
    width_->setSuffix(tr(" px"));
    height_ = new QSpinBox(this);
    height_->setRange(16, 16384);
    height_->setValue(1080);
    height_->setSuffix(tr(" px"));
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(width_);
    sizeRow->addWidget(new QLabel(QStringLiteral("\u00d7"), this));
    sizeRow->addWidget(height_);
    theme_ = new QComboBox(this);
    theme_->addItem(tr("Light"), QStringLiteral("light"));
    theme_->addItem(tr("Dark"), QStringLiteral("dark"));
    theme_->addItem(tr("Print (white)"), QStringLiteral("print"));
    at_ = new QLineEdit(this);
    at_->setPlaceholderText(tr("e.g. 230ms; empty: the busiest moment"));
    if (playhead >= 0)
        at_->setText(QString::fromStdString(formatDuration(playhead)).remove(QLatin1Char(' ')));
    path_ = new QLineEdit(QDir::home().filePath(QStringLiteral("loopscope.png")), this);
    auto* browse = new QPushButton(tr("Choose\u2026"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse);

    preview_ = new QLabel(this);
    preview_->setObjectName(QStringLiteral("preview"));
    preview_->setFixedSize(480, 270);
    preview_->setAlignment(Qt::AlignCenter);
    preview_->setFrameShape(QFrame::StyledPanel);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("View"), view_);
    form->addRow(tr("Moment"), at_);
    form->addRow(tr("Size"), sizeRow);
    form->addRow(tr("Theme"), theme_);
    form->addRow(tr("Format"), format_);
    form->addRow(tr("File"), pathRow);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* copy = buttons->addButton(tr("Copy image"), QDialogButtonBox::ActionRole);
    QPushButton* save = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);
    save->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addLayout(form, 1);
    top->addWidget(preview_);
    layout->addLayout(top);
    layout->addWidget(status_);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(copy, &QPushButton::clicked, this, &ExportDialog::copyImage);
    connect(save, &QPushButton::clicked, this, [this] {
        if (exportToFile())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(format_, &QComboBox::currentIndexChanged, this, [this] {
        // Keep the file name's extension in step with the format.
        const QFileInfo info(path_->text());
        if (!path_->text().isEmpty())
            path_->setText(QDir(info.path()).filePath(info.completeBaseName() + QLatin1Char('.') + suffixOf(format())));
    });
    // The preview follows the choices, after typing pauses.
    auto* previewTimer = new QTimer(this);
    previewTimer->setSingleShot(true);
    previewTimer->setInterval(150);
    connect(previewTimer, &QTimer::timeout, this, &ExportDialog::updatePreview);
    auto later = [previewTimer] { previewTimer->start(); };
    connect(view_, &QComboBox::currentIndexChanged, this, later);
    connect(theme_, &QComboBox::currentIndexChanged, this, later);
    connect(width_, &QSpinBox::valueChanged, this, later);
    connect(height_, &QSpinBox::valueChanged, this, later);
    connect(at_, &QLineEdit::textChanged, this, later);
    previewTimer->start();
}

ExportDialog::~ExportDialog() = default;

QAction* ExportDialog::addExportAction(QWidget* window, QMenu* menu,
                                       std::function<std::optional<Current>()> currentRun) {
    QAction* action = menu->addAction(tr("Export picture\u2026"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    action->setShortcutContext(Qt::WindowShortcut);
    window->addAction(action);
    QObject::connect(action, &QAction::triggered, window, [window, currentRun] {
        std::optional<Current> current = currentRun ? currentRun() : std::nullopt;
        if (!current || !SlideRenderer(current->source).canShow(SlideView::Timeline)) {
            QMessageBox::information(window, tr("Export picture"), tr("Run a scenario first: there is nothing to export yet."));
            return;
        }
        ExportDialog dialog(std::move(current->source), current->playhead, window);
        dialog.exec();
    });
    return action;
}

bool ExportDialog::slideOptions(SlideOptions* options, QString* error) const {
    options->view = SlideView(view_->currentData().toInt());
    options->size = QSize(width_->value(), height_->value());
    options->theme = theme_->currentData().toString();
    options->at = -1;
    const QString at = at_->text().trimmed();
    if (!at.isEmpty()) {
        const std::optional<Nanoseconds> parsed = parseDuration(at.toStdString());
        if (!parsed) {
            if (error)
                *error = tr("The moment must be a time such as 250ms or 1.5s, not \u201c%1\u201d.").arg(at);
            return false;
        }
        options->at = *parsed;
    }
    QString why;
    if (!renderer_->canShow(options->view, &why)) {
        if (error)
            *error = tr("This view cannot be drawn: %1.").arg(why);
        return false;
    }
    return true;
}

SlideFormat ExportDialog::format() const { return SlideFormat(format_->currentData().toInt()); }
QString ExportDialog::path() const { return path_->text(); }
void ExportDialog::setPath(const QString& path) { path_->setText(path); }
void ExportDialog::setFormat(SlideFormat format) { format_->setCurrentIndex(format_->findData(int(format))); }
void ExportDialog::setView(SlideView view) { view_->setCurrentIndex(view_->findData(int(view))); }
void ExportDialog::setSize(const QSize& size) {
    width_->setValue(size.width());
    height_->setValue(size.height());
}
void ExportDialog::setTheme(const QString& theme) { theme_->setCurrentIndex(theme_->findData(theme)); }
void ExportDialog::setMoment(const QString& time) { at_->setText(time); }
QString ExportDialog::status() const { return status_->text(); }

void ExportDialog::showStatus(const QString& text, bool isError) {
    status_->setText(text);
    status_->setStyleSheet(isError ? QStringLiteral("color: #dc2626;") : QString());
}

bool ExportDialog::exportToFile() {
    SlideOptions options;
    QString error;
    if (!slideOptions(&options, &error)) {
        showStatus(error, true);
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = writeSlide(*renderer_, options, format(), path(), &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        showStatus(error.left(1).toUpper() + error.mid(1) + QLatin1Char('.'), true);
        return false;
    }
    showStatus(tr("Saved %1.").arg(QDir::toNativeSeparators(path())), false);
    return true;
}

bool ExportDialog::copyImage() {
    SlideOptions options;
    QString error;
    if (!slideOptions(&options, &error)) {
        showStatus(error, true);
        return false;
    }
    QApplication::clipboard()->setImage(renderer_->image(options));
    showStatus(tr("Copied a %1 \u00d7 %2 image to the clipboard.").arg(options.size.width()).arg(options.size.height()), false);
    return true;
}

void ExportDialog::chooseFile() {
    const QString suffix = suffixOf(format());
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export picture"), path(),
                                                        tr("%1 files (*.%2)").arg(slideFormatName(format()), suffix));
    if (chosen.isEmpty())
        return;
    setPath(chosen);
    const QString ext = QFileInfo(chosen).suffix().toLower();
    for (SlideFormat f : {SlideFormat::Png, SlideFormat::Svg, SlideFormat::Pdf})
        if (ext == suffixOf(f))
            setFormat(f);
}

void ExportDialog::updatePreview() {
    SlideOptions options;
    QString error;
    if (!slideOptions(&options, &error)) {
        preview_->setPixmap({});
        preview_->setText(error);
        return;
    }
    showStatus(QString(), false);
    // The slide itself, at most 1920 px wide: type scales with the size, so the layout
    // is what the file will hold.
    if (options.size.width() > 1920 || options.size.height() > 1920)
        options.size = options.size.scaled(1920, 1920, Qt::KeepAspectRatio);
    const QImage slide = renderer_->image(options);
    preview_->setPixmap(QPixmap::fromImage(
        slide.scaled(preview_->size() - QSize(4, 4), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

}  // namespace loopscope
