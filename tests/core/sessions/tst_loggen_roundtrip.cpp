// Logs written by mwb-loggen (tests/tools/loggen) load with exactly the counts of its manifest:
// files, formats, servers, data lines, sessions (split across rolled files) and messages.
#include "model/core/sessions/loader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mwb;

namespace {
QString g_loggen;
}

class TstLoggenRoundtrip : public QObject {
    Q_OBJECT

    QJsonObject generate(const QTemporaryDir &dir, const QStringList &extra)
    {
        QProcess p;
        p.start(g_loggen, QStringList{QStringLiteral("--out"), dir.filePath(QStringLiteral("logs")), QStringLiteral("--manifest"),
                                      dir.filePath(QStringLiteral("m.json"))} + extra);
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            qWarning() << p.readAllStandardError();
            return {};
        }
        QFile f(dir.filePath(QStringLiteral("m.json")));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    void compare(const QStringList &extra)
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QJsonObject m = generate(dir, extra);
        QVERIFY2(!m.isEmpty(), "mwb-loggen failed");
        const auto store = Loader::loadSync({dir.filePath(QStringLiteral("logs"))});
        const QJsonObject t = m.value(QStringLiteral("totals")).toObject();
        QCOMPARE(store->files.size(), t.value(QStringLiteral("files")).toInt());
        qint64 lines = 0;
        for (const SourceFile &f : store->files) {
            QVERIFY2(f.errors.isEmpty(), qPrintable(f.path + QStringLiteral(": ") + f.errors.value(0).message));
            lines += f.lines;
        }
        QCOMPARE(lines, qint64(t.value(QStringLiteral("dataLines")).toDouble()));
        QCOMPARE(store->sessions.size(), t.value(QStringLiteral("sessions")).toInt());
        int send = 0;
        for (const Session &s : store->sessions)
            send += s.direction == Direction::Send;
        QCOMPARE(send, t.value(QStringLiteral("sendSessions")).toInt());
        QCOMPARE(store->messages.size(), t.value(QStringLiteral("messages")).toInt());
        // The counting path of `mwb stats` agrees.
        const LoadCounts counts = Loader::countSync({dir.filePath(QStringLiteral("logs"))});
        QCOMPARE(counts.sessions, qint64(store->sessions.size()));
        QCOMPARE(counts.messages, qint64(store->messages.size()));
        QCOMPARE(counts.lines, lines);
        QVERIFY(!counts.unreadable);
        // Per file: format, server, data lines.
        QHash<QString, const SourceFile *> byPath;
        const QString root = dir.filePath(QStringLiteral("logs")) + u'/';
        for (const SourceFile &f : store->files)
            byPath.insert(f.path.mid(root.size()), &f);
        for (const QJsonValue &v : m.value(QStringLiteral("files")).toArray()) {
            const QJsonObject mf = v.toObject();
            const SourceFile *f = byPath.value(mf.value(QStringLiteral("path")).toString());
            QVERIFY2(f, qPrintable(mf.value(QStringLiteral("path")).toString()));
            QCOMPARE(formatId(f->format), mf.value(QStringLiteral("format")).toString());
            QCOMPARE(f->server, mf.value(QStringLiteral("server")).toString());
            QCOMPARE(f->lines, qint64(mf.value(QStringLiteral("dataLines")).toDouble()));
        }
        // Every faulty session the generator names exists in the store.
        QSet<QString> ids;
        for (const Session &s : store->sessions)
            ids.insert(s.server + u'|' + s.id);
        for (const QJsonValue &fv : m.value(QStringLiteral("faults")).toArray()) {
            for (const QJsonValue &sv : fv.toObject().value(QStringLiteral("sessions")).toArray()) {
                const QJsonObject so = sv.toObject();
                QVERIFY2(ids.contains(so.value(QStringLiteral("server")).toString() + u'|' + so.value(QStringLiteral("id")).toString()),
                         qPrintable(so.value(QStringLiteral("id")).toString()));
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QStringList args = QCoreApplication::arguments();
        if (args.size() < 2)
            QSKIP("the path of mwb-loggen is passed as the first argument");
        g_loggen = args.at(1);
    }
    void exchange2019WithFaultsMatchesManifest() { compare({QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--sessions"), QStringLiteral("300")}); }
    void exchange2010MultiLineEhloMatchesManifest()
    {
        compare({QStringLiteral("--seed"), QStringLiteral("12"), QStringLiteral("--sessions"), QStringLiteral("150"),
                 QStringLiteral("--exchange"), QStringLiteral("2010"), QStringLiteral("--multiline-ehlo")});
    }
    void smallRolledFilesMatchManifest()
    {
        compare({QStringLiteral("--seed"), QStringLiteral("13"), QStringLiteral("--sessions"), QStringLiteral("300"),
                 QStringLiteral("--max-file-bytes"), QStringLiteral("20000")});
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    TstLoggenRoundtrip t;
    // QTest must not see the loggen path as a test function name.
    return QTest::qExec(&t, QStringList{QString::fromLocal8Bit(argv[0])});
}
#include "tst_loggen_roundtrip.moc"
