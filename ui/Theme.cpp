#include "Theme.h"

namespace loopscope {

Theme Theme::light() {
    Theme t;
    t.name = QStringLiteral("light");
    t.background = QColor(0xf6, 0xf7, 0xf9);
    t.panel = QColor(0xff, 0xff, 0xff);
    t.panelBorder = QColor(0xd9, 0xdd, 0xe3);
    t.text = QColor(0x1f, 0x23, 0x28);
    t.mutedText = QColor(0x6a, 0x73, 0x7d);
    t.accent = QColor(0x25, 0x63, 0xeb);
    t.lit = QColor(0xf5, 0x9e, 0x0b);
    t.litText = QColor(0x1f, 0x23, 0x28);
    t.ring = QColor(0xe6, 0xe9, 0xee);
    t.grid = QColor(0xe3, 0xe6, 0xea);
    t.playhead = QColor(0xdc, 0x26, 0x26);
    t.nextTick = QColor(0xc0, 0x26, 0xd3);
    t.microtask = QColor(0x7c, 0x3a, 0xed);
    t.timer = QColor(0xea, 0x58, 0x0c);
    t.io = QColor(0x05, 0x96, 0x69);
    t.poll = QColor(0x0d, 0x94, 0x88);
    t.check = QColor(0x25, 0x63, 0xeb);
    t.close = QColor(0x64, 0x74, 0x8b);
    t.pool = QColor(0x16, 0xa3, 0x4a);
    t.kernel = QColor(0x08, 0x91, 0xb2);
    t.worker = QColor(0xb4, 0x53, 0x09);
    t.main = QColor(0x25, 0x63, 0xeb);
    t.running = QColor(0x16, 0xa3, 0x4a);
    t.blocked = QColor(0xf8, 0x71, 0x71);
    t.dense = QColor(0x47, 0x55, 0x69);
    t.eventLoopEngine = t.main;
    t.threadPerRequestEngine = t.timer;
    return t;
}

Theme Theme::dark() {
    Theme t = light();
    t.name = QStringLiteral("dark");
    t.isDark = true;
    t.background = QColor(0x11, 0x14, 0x18);
    t.panel = QColor(0x1b, 0x1f, 0x26);
    t.panelBorder = QColor(0x2e, 0x34, 0x3e);
    t.text = QColor(0xe6, 0xe8, 0xeb);
    t.mutedText = QColor(0x93, 0x9b, 0xa6);
    t.accent = QColor(0x60, 0xa5, 0xfa);
    t.lit = QColor(0xfb, 0xbf, 0x24);
    t.litText = QColor(0x11, 0x14, 0x18);
    t.ring = QColor(0x2a, 0x30, 0x3a);
    t.grid = QColor(0x2a, 0x30, 0x3a);
    t.playhead = QColor(0xf8, 0x71, 0x71);
    t.nextTick = QColor(0xe8, 0x79, 0xf9);
    t.microtask = QColor(0xa7, 0x8b, 0xfa);
    t.timer = QColor(0xfb, 0x92, 0x3c);
    t.io = QColor(0x34, 0xd3, 0x99);
    t.poll = QColor(0x2d, 0xd4, 0xbf);
    t.check = QColor(0x60, 0xa5, 0xfa);
    t.close = QColor(0x94, 0xa3, 0xb8);
    t.pool = QColor(0x4a, 0xde, 0x80);
    t.kernel = QColor(0x22, 0xd3, 0xee);
    t.worker = QColor(0xfb, 0xbf, 0x24);
    t.main = QColor(0x60, 0xa5, 0xfa);
    t.running = QColor(0x4a, 0xde, 0x80);
    t.blocked = QColor(0xf8, 0x71, 0x71);
    t.dense = QColor(0x94, 0xa3, 0xb8);
    t.eventLoopEngine = t.main;
    t.threadPerRequestEngine = t.timer;
    return t;
}

Theme Theme::projector(const Theme& base) {
    Theme t = base;
    t.name = base.name + QStringLiteral(" projector");
    t.fontPx = 22;
    return t;
}

Theme Theme::byName(const QString& name) {
    if (name == QLatin1String("dark"))
        return dark();
    Theme t = light();
    if (name == QLatin1String("print")) {
        t.name = name;
        t.background = Qt::white;
        t.panel = Qt::white;
    }
    return t;
}

QFont Theme::font(double scale, bool bold) const {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(8, int(fontPx * scale + 0.5)));
    f.setBold(bold);
    return f;
}

QColor Theme::queueColor(QueueKind queue) const {
    switch (queue) {
    case QueueKind::NextTick: return nextTick;
    case QueueKind::Microtask: return microtask;
    case QueueKind::Timers: return timer;
    case QueueKind::Pending: return close;
    case QueueKind::Poll: return poll;
    case QueueKind::Check: return check;
    case QueueKind::Close: return close;
    case QueueKind::PoolFifo: return pool;
    case QueueKind::None: break;
    }
    return main;
}

QColor Theme::spanColor(SpanKind kind, QueueKind queue) const {
    switch (kind) {
    case SpanKind::Callback: return queue == QueueKind::None ? main : queueColor(queue);
    case SpanKind::Work: return pool;
    case SpanKind::Io: return kernel;
    case SpanKind::Running: return running;
    case SpanKind::Blocked: return blocked;
    }
    return main;
}

QColor Theme::engineColor(EngineKind engine) const {
    return engine == EngineKind::ThreadPerRequest ? threadPerRequestEngine : eventLoopEngine;
}

}  // namespace loopscope
