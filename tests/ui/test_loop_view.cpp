// The painted event-loop view: it draws what the LoopState holds, in every theme.
#include <QtTest>
#include <QImage>
#include <QPainter>

#include "EventLoopPanel.h"
#include "LoopStateIndex.h"
#include "LoopView.h"
#include "support/TraceBuilder.h"

using namespace loopscope;

namespace {

int pixelsNear(const QImage& image, const QColor& color, int tolerance = 6) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            if (std::abs(qRed(line[x]) - color.red()) <= tolerance && std::abs(qGreen(line[x]) - color.green()) <= tolerance &&
                std::abs(qBlue(line[x]) - color.blue()) <= tolerance)
                ++count;
    }
    return count;
}

QImage render(const LoopState& state, const Theme& theme, QSize size = {1280, 600}) {
    QImage image(size, QImage::Format_ARGB32);
    QPainter painter(&image);
    paintLoopView(painter, QRectF(QPointF(0, 0), QSizeF(size)), state, theme);
    painter.end();
    if (!qEnvironmentVariableIsEmpty("LOOPSCOPE_SAVE_RENDERS"))
        image.save(qEnvironmentVariable("LOOPSCOPE_SAVE_RENDERS") + QStringLiteral("/loop_%1.png").arg(theme.name));
    return image;
}

}  // namespace

class TestLoopView : public QObject {
    Q_OBJECT
private slots:
    void litPhaseIsDrawnOnlyWhenTheLoopIsInIt() {
        const Theme theme = Theme::light();
        LoopState idle;
        QCOMPARE(pixelsNear(render(idle, theme), theme.lit), 0);
        testing::TraceBuilder b;
        b.iteration(2);
        b.enter(Phase::Poll);
        const LoopState inPoll = replay(b.trace, b.trace.size());
        QVERIFY(pixelsNear(render(inPoll, theme), theme.lit) > 500);
    }

    void busyPoolLanesAreFilled() {
        const Theme theme = Theme::light();
        const PackedTrace trace = PackedTrace::fromTrace(testing::readsOnPool(8, 4, 20 * kMillisecond));
        LoopStateIndex index(16);
        index.extend(trace);
        const LoopState idle = index.stateAtTime(trace, -1);
        const LoopState busy = index.stateAtTime(trace, 10 * kMillisecond);
        QCOMPARE(busy.poolBusy(), 4);
        // Each busy lane has a solid tab in the pool colour.
        QVERIFY(pixelsNear(render(busy, theme), theme.pool, 2) > pixelsNear(render(idle, theme), theme.pool, 2) + 200);
        // The same lanes in the dark palette, and at projector size.
        const Theme dark = Theme::dark();
        const QImage darkBusy = render(busy, dark);
        QCOMPARE(darkBusy.pixelColor(2, 2), dark.background);
        QVERIFY(pixelsNear(darkBusy, dark.pool, 2) > pixelsNear(render(idle, dark), dark.pool, 2) + 200);
        const Theme projector = Theme::projector(Theme::light());
        const QImage projected = render(busy, projector, {1600, 900});
        QCOMPARE(projected.pixelColor(2, 2), projector.background);
        QVERIFY(pixelsNear(projected, projector.pool, 2) > pixelsNear(render(idle, projector, {1600, 900}), projector.pool, 2) + 200);
    }

    // The panel paints exactly what paintLoopView paints for its state: here the four
    // busy pool lanes and the queued reads, in the pool colour.
    void panelShowsTheStateItIsGiven() {
        EventLoopPanel panel;
        panel.resize(1000, 520);
        testing::TraceBuilder b;
        b.log("hello");
        panel.setState(replay(b.trace, b.trace.size()));
        QCOMPARE(panel.accessibleDescription(), QStringLiteral("console.log prints \u201chello\u201d"));

        const Theme theme = Theme::light();
        const PackedTrace trace = PackedTrace::fromTrace(testing::readsOnPool(8, 4, 20 * kMillisecond));
        LoopStateIndex index(16);
        index.extend(trace);
        const LoopState busy = index.stateAtTime(trace, 10 * kMillisecond);
        QCOMPARE(busy.poolBusy(), 4);
        panel.setTheme(theme);
        panel.setState(busy);
        const QImage shown = panel.grab().toImage().convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(shown.size(), QSize(1000, 520));
        const QImage painted = render(busy, theme, {1000, 520});
        QCOMPARE(shown, painted);
        QCOMPARE(shown.pixelColor(2, 2), theme.background);
        QVERIFY(pixelsNear(shown, theme.pool, 2) > pixelsNear(render(LoopState{}, theme, {1000, 520}), theme.pool, 2) + 200);
    }
};

QTEST_MAIN(TestLoopView)
#include "test_loop_view.moc"
