// The picture options `run` and `compare` share: --png, --svg, --pdf, --width, --height,
// --theme, declared once and checked once.
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include "RunOptions.h"

namespace loopscope {

struct PictureOptions {
    QCommandLineOption png{QStringLiteral("png"), QStringLiteral("Write a PNG picture."), QStringLiteral("OUT.png")};
    QCommandLineOption svg{QStringLiteral("svg"), QStringLiteral("Write an SVG picture."), QStringLiteral("OUT.svg")};
    QCommandLineOption pdf{QStringLiteral("pdf"), QStringLiteral("Write a PDF picture."), QStringLiteral("OUT.pdf")};
    QCommandLineOption width{QStringLiteral("width"), QStringLiteral("Picture width in pixels (default 1920)."),
                             QStringLiteral("PX"), QStringLiteral("1920")};
    QCommandLineOption height{QStringLiteral("height"), QStringLiteral("Picture height in pixels (default 1080)."),
                              QStringLiteral("PX"), QStringLiteral("1080")};
    QCommandLineOption theme{QStringLiteral("theme"), QStringLiteral("light, dark or print (default light)."),
                             QStringLiteral("THEME"), QStringLiteral("light")};

    void addTo(QCommandLineParser& parser) const { parser.addOptions({png, svg, pdf, width, height, theme}); }
    // Into `options`; returns what is wrong, or "" when all is well.
    QString read(const QCommandLineParser& parser, RunOptions& options) const;
};

}  // namespace loopscope
