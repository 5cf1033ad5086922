// The JavaScript shown beside a cluster scenario: the primary forks the processes,
// and every process runs the program (main script and server).
#include <QtTest>

#include "NodeCode.h"
#include "ScenarioParser.h"

using namespace loopscope;

namespace {

NodeCode codeOf(const char* yaml) {
    ParseResult parsed = parseScenarioText(yaml, "cluster.yaml");
    if (!parsed.ok())
        return {};
    return nodeCodeFor(*parsed.scenario);
}

const char* kCluster = R"(loopscope: 1
title: Three processes
runtime:
  processes: 3
main:
  - log: up
server:
  handler:
    - respond: 200
)";

}  // namespace

class TestNodeCodeCluster : public QObject {
    Q_OBJECT

private slots:
    void primaryForksAndEveryProcessRunsTheProgram() {
        const NodeCode code = codeOf(kCluster);
        QCOMPARE(QString::fromStdString(code.text()), QStringLiteral("// Three processes\n"
                                                                     "const cluster = require('cluster');\n"
                                                                     "const http = require('http');\n"
                                                                     "\n"
                                                                     "if (cluster.isPrimary) {\n"
                                                                     "  // connections are dealt round-robin to the processes\n"
                                                                     "  for (let i = 0; i < 3; i++) cluster.fork();\n"
                                                                     "} else {\n"
                                                                     "  console.log('up');\n"
                                                                     "\n"
                                                                     "  http.createServer((req, res) => {\n"
                                                                     "    res.writeHead(200).end();\n"
                                                                     "  }).listen(3000);\n"
                                                                     "}\n"));
        // The server's line still points at the scenario's `server:` (line 7).
        QCOMPARE(code.lineFor(SourceLocation{7, 1}), 10);
    }

    void oneProcessHasNoCluster() {
        QByteArray single(kCluster);
        single.replace("processes: 3", "processes: 1");
        const NodeCode code = codeOf(single.constData());
        QVERIFY(!code.lines.empty());
        QVERIFY(QString::fromStdString(code.text()).indexOf(QStringLiteral("cluster")) < 0);
    }
};

QTEST_GUILESS_MAIN(TestNodeCodeCluster)
#include "test_node_code_cluster.moc"
