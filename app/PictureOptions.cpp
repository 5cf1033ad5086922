#include "PictureOptions.h"

namespace loopscope {

QString PictureOptions::read(const QCommandLineParser& parser, RunOptions& options) const {
    options.pngPath = parser.value(png);
    options.svgPath = parser.value(svg);
    options.pdfPath = parser.value(pdf);
    bool ok = false;
    options.width = parser.value(width).toInt(&ok);
    if (!ok || options.width < 16 || options.width > 16384)
        return QStringLiteral("--width must be a number of pixels from 16 to 16384");
    options.height = parser.value(height).toInt(&ok);
    if (!ok || options.height < 16 || options.height > 16384)
        return QStringLiteral("--height must be a number of pixels from 16 to 16384");
    options.theme = parser.value(theme);
    if (options.theme != QLatin1String("light") && options.theme != QLatin1String("dark") &&
        options.theme != QLatin1String("print"))
        return QStringLiteral("--theme must be light, dark or print, not '%1'").arg(options.theme);
    return {};
}

}  // namespace loopscope
