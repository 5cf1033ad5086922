#include "SlideWriter.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <qcustomplot.h>

#include "OutputFile.h"

namespace loopscope {
namespace {

bool fail(QString* error, const QString& path, const QString& reason) {
    if (error)
        *error = QStringLiteral("cannot write %1: %2").arg(path, reason);
    return false;
}

std::string localPath(const QString& path) { return QFile::encodeName(path).toStdString(); }

// Finished bytes to `path` through the core's OutputFile, so a picture follows the same
// rules as every other output (symbolic links, FIFOs, `-`, a full disk).
bool writeBytes(const QByteArray& bytes, const QString& path, QString* error) {
    std::string why;
    if (!writeOutputFile(localPath(path), std::string_view(bytes.constData(), std::size_t(bytes.size())), &why)) {
        if (error)
            *error = QString::fromLocal8Bit(why);
        return false;
    }
    return true;
}

}  // namespace

bool canWriteFile(const QString& path, QString* error) {
    const std::string reason = outputProblem(localPath(path));
    return reason.empty() || fail(error, path, QString::fromLocal8Bit(reason));
}

QString slideFormatName(SlideFormat format) {
    switch (format) {
    case SlideFormat::Png: return QStringLiteral("PNG");
    case SlideFormat::Svg: return QStringLiteral("SVG");
    case SlideFormat::Pdf: return QStringLiteral("PDF");
    }
    return {};
}

QByteArray slidePng(Slide& slide, const SlideOptions& options) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    slide.image(options).save(&buffer, "PNG");
    return bytes;
}

bool writeSlide(Slide& slide, const SlideOptions& options, SlideFormat format, const QString& path,
                QString* error) {
    // Fail before painting when the file cannot be written at all.
    if (!canWriteFile(path, error))
        return false;
    const QSize size = options.size;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    switch (format) {
    case SlideFormat::Png:
        if (!slide.image(options).save(&buffer, "PNG"))
            return fail(error, path, QStringLiteral("PNG encoding failed"));
        break;
    case SlideFormat::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(96);
        svg.setTitle(QStringLiteral("loopscope %1").arg(slide.name(options)));
        QCPPainter painter(&svg);
        painter.setMode(QCPPainter::pmVectorized);
        slide.paint(painter, options);
        painter.end();
        break;
    }
    case SlideFormat::Pdf: {
        // One page with the slide's aspect, 96 dots per inch: 1920 x 1080 is 20 x 11.25 in.
        QPdfWriter pdf(&buffer);
        pdf.setCreator(QStringLiteral("loopscope"));
        pdf.setTitle(QStringLiteral("loopscope %1").arg(slide.name(options)));
        pdf.setResolution(96);
        pdf.setPageLayout(QPageLayout(QPageSize(QSizeF(size.width() * 72.0 / 96.0, size.height() * 72.0 / 96.0),
                                                QPageSize::Point, QString(), QPageSize::ExactMatch),
                                      QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QCPPainter painter(&pdf);
        painter.setMode(QCPPainter::pmVectorized);
        // Whatever rounding the page size got, the slide fills the page.
        painter.scale(double(pdf.width()) / size.width(), double(pdf.height()) / size.height());
        slide.paint(painter, options);
        painter.end();
        break;
    }
    }
    buffer.close();
    return writeBytes(bytes, path, error);
}

int frameCount(Nanoseconds end, int fps) {
    if (fps <= 0)
        return 1;
    // Frame k shows time k / fps; the last frame shows the end of the run.
    const Nanoseconds step = kSecond / fps;
    return int((std::max<Nanoseconds>(0, end) + step - 1) / step) + 1;
}

bool writeFrames(SlideRenderer& renderer, SlideOptions options, int fps, const QString& dir,
                 const std::function<void(int, int)>& progress, QString* error) {
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return fail(error, dir, QStringLiteral("it exists and is not a directory"));
    if (!info.exists() && !QDir().mkpath(dir))
        return fail(error, dir, QStringLiteral("the directory cannot be created"));
    options.view = SlideView::Loop;
    const Nanoseconds end = renderer.endTime();
    const int total = frameCount(end, fps);
    for (int k = 0; k < total; ++k) {
        options.at = std::min(end, Nanoseconds(k) * kSecond / fps);
        const QString path = QDir(dir).filePath(QStringLiteral("frame-%1.png").arg(k + 1, 5, 10, QLatin1Char('0')));
        if (!writeSlide(renderer, options, SlideFormat::Png, path, error))
            return false;
        if (progress)
            progress(k + 1, total);
    }
    return true;
}

}  // namespace loopscope
