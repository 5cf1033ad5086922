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

CompareSide compareSideOf(const ComparedDocument& compared) {
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

ComparedRuns compareRuns(ComparedDocument first, ComparedDocument second) {
    ComparedRuns compared{std::move(first), std::move(second), {}, {}, {}};
    const CompareSide a = compareSideOf(compared.first), b = compareSideOf(compared.second);
    buildAlignedSpans(a.trace, b.trace, compared.firstSpans, compared.secondSpans);
    compared.differences = runDifferences({a.name.toStdString(), a.trace, a.samples},
                                          {b.name.toStdString(), b.trace, b.samples});
    return compared;
}

CompareWindow::CompareWindow(ComparedRuns compared, QWidget* parent)
    : QWidget(parent, Qt::Window),
      compared_(std::move(compared)),
      timeline_(new TimelineView),
      table_(new QTableWidget(0, 4)),
      limits_(new QLabel) {
    setAttribute(Qt::WA_DeleteOnClose);
    const ComparedDocument& first = compared_.first;
    const ComparedDocument& second = compared_.second;
    setWindowTitle(tr("Compare: %1 and %2 — loopscope").arg(first.name, second.name));
    timeline_->setSourceNames(first.name, second.name);
    timeline_->setSources(&compared_.firstSpans, &compared_.secondSpans);
    timeline_->setPlayhead(Nanoseconds(-1) * kSecond * 3600 * 24);  // two runs have no one "now"

    const std::vector<DifferenceRow>& rows = compared_.differences;
    table_->setHorizontalHeaderLabels({tr("Measured"), first.name, second.name, tr("Change")});
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
    for (const ComparedDocument* side : {&first, &second})
        for (const std::string& limit : side->document.limits)
            limits << QStringLiteral("<b>%1</b>: %2").arg(side->name.toHtmlEscaped(), QString::fromStdString(limit).toHtmlEscaped());
    limits_->setText(limits.join(QStringLiteral("<br>")));
    limits_->setWordWrap(true);
    limits_->setVisible(!limits.isEmpty());

    auto* heading = new QLabel(QStringLiteral("<b>%1</b>: %2<br><b>%3</b>: %4<br><i>%5</i>")
                                   .arg(first.name.toHtmlEscaped(), first.description.toHtmlEscaped(),
                                        second.name.toHtmlEscaped(), second.description.toHtmlEscaped(),
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

bool CompareWindow::exportPicture(const QString& path, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const SlideFormat format = suffix == QLatin1String("svg")   ? SlideFormat::Svg
                               : suffix == QLatin1String("pdf") ? SlideFormat::Pdf
                                                                : SlideFormat::Png;
    const ComparedDocument& first = compared_.first;
    const ComparedDocument& second = compared_.second;
    const QString subject = QString::fromStdString(first.document.title);
    CompareSlide slide(subject.isEmpty() ? tr("%1 vs %2").arg(first.name, second.name)
                                         : tr("%1: %2 vs %3").arg(subject, first.name, second.name),
                       compareSideOf(first), compareSideOf(second));
    SlideOptions options;
    return writeSlide(slide, options, format, path, error);
}

}  // namespace loopscope
