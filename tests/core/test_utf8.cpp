// UTF-8 sequence lengths and maximal invalid subparts, by the Unicode standard's
// table of well-formed byte sequences (and its example of U+FFFD substitution).
#include <QtTest>

#include "Utf8.h"

using namespace loopscope;

class TestUtf8 : public QObject {
    Q_OBJECT
private slots:
    void wellFormedSequences() {
        QCOMPARE(utf8SequenceLength("a", 0), std::size_t(1));
        QCOMPARE(utf8SequenceLength("\xC3\xA9", 0), std::size_t(2));          // é
        QCOMPARE(utf8SequenceLength("\xE2\x82\xAC", 0), std::size_t(3));      // €
        QCOMPARE(utf8SequenceLength("\xF0\x9F\x8D\xB3", 0), std::size_t(4));  // 🍳
        QCOMPARE(utf8SequenceLength("x\xE2\x82\xAC", 1), std::size_t(3));
    }

    void illFormedSequencesAndTheirMaximalSubparts() {
        struct Case {
            std::string_view bytes;
            std::size_t invalid;
        };
        const Case cases[] = {
            {"\x80", 1},              // a lone continuation byte
            {"\xC0\xAF", 1},          // overlong lead
            {"\xE0\x80\x80", 1},      // overlong three-byte form
            {"\xED\xA0\x80", 1},      // a UTF-16 surrogate
            {"\xF4\x90\x80\x80", 1},  // above U+10FFFF
            {"\xF5\x80", 1},          // no such lead byte
            {"\xE2\x82", 2},          // cut short at the end
            {"\xE2\x82x", 2},         // cut short by ASCII
            {"\xF0\x9F\x8Dx", 3},
        };
        for (const Case& c : cases) {
            std::size_t invalid = 99;
            QCOMPARE(utf8SequenceLength(c.bytes, 0, &invalid), std::size_t(0));
            QCOMPARE(invalid, c.invalid);
        }
        QCOMPARE(utf8SequenceLength("", 0), std::size_t(0));
    }
};

QTEST_APPLESS_MAIN(TestUtf8)
#include "test_utf8.moc"
