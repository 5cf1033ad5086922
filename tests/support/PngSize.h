// Width and height of a PNG file from its IHDR chunk, without Qt's image plugins (the
// command-line tests link no GUI).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QSize>
#include <QString>

namespace loopscope::testing {

inline QSize pngSize(const QByteArray& bytes) {
    if (bytes.size() < 24 || !bytes.startsWith("\x89PNG\r\n\x1a\n") || bytes.mid(12, 4) != "IHDR")
        return {};
    auto word = [&](int at) {
        return int((quint32(quint8(bytes[at])) << 24) | (quint32(quint8(bytes[at + 1])) << 16) |
                   (quint32(quint8(bytes[at + 2])) << 8) | quint32(quint8(bytes[at + 3])));
    };
    return QSize(word(16), word(20));
}

inline QSize pngSize(const QString& path) {
    QFile file(path);
    return pngSize(file.open(QIODevice::ReadOnly) ? file.read(24) : QByteArray());
}

}  // namespace loopscope::testing
