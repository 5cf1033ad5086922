// Real JavaScript programs (tests/data/js) run on the engine print exactly what Node 20
// printed for them and exit with the same code. The expected files are recorded from
// Node by scripts/record-js-corpus.py; a racy program has one file per variant Node showed.
// A program with a NAME.stdin file reads it from a pipe on its standard input, as Node did;
// the others read /dev/null.
#include <fcntl.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QtTest>

#include "ChildRun.h"
#include "ConsoleOutput.h"

using namespace loopscope;
using namespace loopscope::testing;

namespace {

const QString kCorpus = QStringLiteral(LOOPSCOPE_TEST_DATA "/js");

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestJavaScriptCorpus : public QObject {
    Q_OBJECT
private slots:
    void corpusIsThere() {
        const QStringList programs = QDir(kCorpus).entryList({"*.js", "*.mjs"}, QDir::Files);
        QVERIFY2(programs.size() >= 40, qPrintable(QString::number(programs.size())));
        for (const QString& program : programs) {
            const QString base = kCorpus + "/" + QFileInfo(program).completeBaseName();
            QVERIFY2(QFile::exists(base + ".stdout"), qPrintable(program + " has no recorded stdout"));
            QVERIFY2(QFile::exists(base + ".exit"), qPrintable(program + " has no recorded exit code"));
        }
    }

    void printsWhatNodePrints_data() {
        QTest::addColumn<QString>("program");
        for (const QString& program : QDir(kCorpus).entryList({"*.js", "*.mjs"}, QDir::Files))
            QTest::newRow(qPrintable(program)) << program;
    }

    void printsWhatNodePrints() {
        QFETCH(QString, program);
        const QString base = kCorpus + "/" + QFileInfo(program).completeBaseName();
        QList<QByteArray> variants;
        for (const QString& name : QDir(kCorpus).entryList({QFileInfo(base).fileName() + ".stdout",
                                                             QFileInfo(base).fileName() + ".v*.stdout"}))
            variants << readAll(kCorpus + "/" + name);
        const int expectedExit = readAll(base + ".exit").trimmed().toInt();

        EngineOptions options;
        int input[2] = {-1, -1};
        if (QFile::exists(base + ".stdin")) {
            const QByteArray text = readAll(base + ".stdin");
            QVERIFY2(text.size() < 60000, "a .stdin file must fit in a pipe's buffer");
            QCOMPARE(pipe2(input, O_CLOEXEC), 0);
            QCOMPARE(write(input[1], text.constData(), std::size_t(text.size())), ssize_t(text.size()));
            close(input[1]);
            options.standardInput = input[0];
        }
        const Outcome run = runChild((kCorpus + "/" + program).toStdString(), options);
        if (input[0] >= 0)
            close(input[0]);
        QVERIFY2(run.ok, run.error.c_str());
        ConsoleOutput console;
        console.take(run.events);
        const QByteArray printed = QByteArray::fromStdString(console.standardOutput());
        if (!variants.contains(printed)) {
            qWarning().noquote() << "printed:\n" << printed << "\nNode printed:\n" << variants.value(0)
                                 << "\nstderr:\n" << QString::fromStdString(console.standardError());
            QFAIL("stdout differs from every variant Node printed");
        }
        QVERIFY(console.exitCode().has_value());
        QCOMPARE(*console.exitCode(), expectedExit);
    }
};

QTEST_GUILESS_MAIN(TestJavaScriptCorpus)
#include "test_javascript_corpus.moc"
