#include "CompareWindow.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "RunDifferences.h"
#include "SlideWriter.h"
#include "TimelineView.h"

namespace loopscope {

CompareWindow::CompareWindow(ComparedDocument first, ComparedDocument second, QWidget* parent)
    : QWidget(parent, Qt::Window),
      first_(std::move(first)),
      second_(std::move(second)),
      timeline_(new TimelineView),
      table_(new QTableWidget(0, 4)),
      limits_(new QLabel) {
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Compare: %1 and %2 — loopscope").arg(first_.name, second_.name));
    const CompareSide a = sideOf(first_), b = sideOf(second_);
    buildAlignedSpans(a.trace, b.trace, firstSpans_, secondSpans_);
    timeline_->setSourceNames(first_.name, second_.name);
    timeline_->setSources(&firstSpans_, &secondSpans_);
    timeline_->setPlayhead(Nanoseconds(-1) * kSecond * 3600 * 24);  // two runs have no one "now"

    const std::vector<DifferenceRow> rows = runDifferences({first_.name.toStdString(), a.trace, a.samples},
                                                           {second_.name.toStdString(), b.trace, b.samples});
    table_->setHorizontalHeaderLabels({tr("Measured"), first_.name, second_.name, tr("Change")});
    table_->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        const DifferenceRow& row = rows[std::size_t(r)];
        const std::string cells[] = {row.title, row.first, row.second, row.change};
        for (int c = 0; c < 4; ++c) {
            auto* item = new QTableWidgetItem(QString::fromStdString(cells[c]));
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(r, c, item);
        }
    }
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);

    QStringList limits;
    for (const ComparedDocument* side : {&first_, &second_})
        for (const std::string& limit : side->document.limits)
            limits << QStringLiteral("<b>%1</b>: %2").arg(side->name.toHtmlEscaped(), QString::fromStdString(limit).toHtmlEscaped());
    limits_->setText(limits.join(QStringLiteral("<br>")));
    limits_->setWordWrap(true);
    limits_->setVisible(!limits.isEmpty());

    auto* heading = new QLabel(QStringLiteral("<b>%1</b>: %2<br><b>%3</b>: %4<br><i>%5</i>")
                                   .arg(first_.name.toHtmlEscaped(), first_.description.toHtmlEscaped(),
                                        second_.name.toHtmlEscaped(), second_.description.toHtmlEscaped(),
                                        tr("Both runs on one time axis, their main scripts lined up.")));
    heading->setWordWrap(true);
    auto* exportButton = new QPushButton(tr("Export Picture..."));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Picture"), QStringLiteral("compare.png"),
                                                          tr("Pictures (*.png *.svg *.pdf)"));
        QString error;
        if (!path.isEmpty() && !exportPicture(path, &error))
            limits_->setText(error), limits_->show();
    });
    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(table_, 1);
    sideLayout->addWidget(limits_);
    sideLayout->addWidget(exportButton, 0, Qt::AlignRight);
    auto* splitter = new QSplitter;
    splitter->addWidget(timeline_);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(splitter, 1);
    resize(1400, 800);
}

CompareWindow::~CompareWindow() = default;

CompareSide CompareWindow::sideOf(const ComparedDocument& compared) const {
    CompareSide side;
    side.name = compared.name;
    side.description = compared.description;
    if (compared.run < compared.document.runs.size()) {
        side.trace = &compared.document.runs[compared.run].trace;
        side.samples = &compared.document.runs[compared.run].samples;
    }
    side.limits = compared.document.limits;
    return side;
}

bool CompareWindow::exportPicture(const QString& path, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const SlideFormat format = suffix == QLatin1String("svg")   ? SlideFormat::Svg
                               : suffix == QLatin1String("pdf") ? SlideFormat::Pdf
                                                                : SlideFormat::Png;
    const QString subject = QString::fromStdString(first_.document.title);
    CompareSlide slide(subject.isEmpty() ? tr("%1 vs %2").arg(first_.name, second_.name)
                                         : tr("%1: %2 vs %3").arg(subject, first_.name, second_.name),
                       sideOf(first_), sideOf(second_));
    SlideOptions options;
    return writeSlide(slide, options, format, path, error);
}

}  // namespace loopscope
