// The timeline's note labels never hide one another while a line of the band is free,
// and never run off the right edge when they fit to the left of their note.
#include <QtTest>

#include "NoteLabelLayout.h"

using namespace loopscope;

class TestNoteLabelLayout : public QObject {
    Q_OBJECT
private slots:
    void labelsFarApartShareTheTopLine() {
        const auto places = placeNoteLabels({{10, 100}, {200, 100}, {400, 100}}, 0, 1000, 3);
        QCOMPARE(places.size(), std::size_t(3));
        for (const NoteLabelPlace& place : places) {
            QCOMPARE(place.line, 0);
            QVERIFY(!place.alignRight);
        }
    }

    void overlappingLabelsTakeTheNextFreeLine() {
        const auto places = placeNoteLabels({{10, 300}, {100, 300}, {200, 300}, {350, 100}}, 0, 1000, 3);
        QCOMPARE(places[0].line, 0);
        QCOMPARE(places[1].line, 1);
        QCOMPARE(places[2].line, 2);
        QCOMPARE(places[3].line, 0);  // the first label ends at 310: the top line is free again
    }

    // The case a slide showed: a long label near the right edge flips to end at its note,
    // and must then not cover the first label on the top line.
    void aLabelFlippedLeftAvoidsTheLabelsItWouldCover() {
        const auto places = placeNoteLabels({{5, 400}, {90, 500}, {700, 600}}, 0, 1000, 3);
        QVERIFY(!places[0].alignRight);
        QVERIFY(places[2].alignRight);            // 700 + 600 would cross 1000
        QVERIFY(places[2].line != places[0].line);  // it spans 100..700, over the first (5..405)
        QVERIFY(places[2].line != places[1].line);  // and over the second (90..590)
    }

    void whenEveryLineIsTakenTheEarliestEndingOneIsUsed() {
        const auto places = placeNoteLabels({{0, 500}, {10, 100}, {20, 300}, {30, 50}}, 0, 1000, 3);
        QCOMPARE(places[3].line, 1);  // line 1 ends at 110, before 320 and 500
    }

    void aLabelWiderThanBothSidesStaysAtItsNote() {
        const auto places = placeNoteLabels({{100, 2000}}, 0, 1000, 3);
        QVERIFY(!places[0].alignRight);
        QCOMPARE(places[0].line, 0);
    }
};

QTEST_APPLESS_MAIN(TestNoteLabelLayout)
#include "test_note_label_layout.moc"
