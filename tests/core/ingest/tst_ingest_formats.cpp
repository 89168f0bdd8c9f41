// Format detection from content and the per-file parsers, including hostile input.
#include "model/core/ingest/parser.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace mwb;
using namespace mwb::ingest;

namespace {

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(INGEST_DATA "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

ParsedFile parse(const QByteArray &raw, const QString &hint = QString())
{
    return parseBytes(FileBytes::fromBuffer(raw), QStringLiteral("test.log"), hint, 0);
}

ParsedFile parseInZone(const QByteArray &raw, const QTimeZone &zone)
{
    ParseControl control;
    control.timeZone = zone;
    return parseBytes(FileBytes::fromBuffer(raw), QStringLiteral("test.log"), QString(), 0, control);
}

QByteArray utf16le(const QByteArray &utf8)
{
    const QString s = QString::fromUtf8(utf8);
    return QByteArray(reinterpret_cast<const char *>(s.utf16()), s.size() * 2);
}

const QByteArray kProtoHeader = "#Software: Microsoft Exchange Server\r\n#Version: 15.0.0.0\r\n"
                                "#Log-type: SMTP Receive Protocol Log\r\n#Date: 2024-03-13T09:00:00.000Z\r\n"
                                "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n";

QByteArray protoLine(int seq, const char *ev, const QByteArray &data, const char *sid = "08DC42C8FF236A1F")
{
    return QByteArray("2024-03-13T09:01:18.") + QByteArray::number(100 + seq) + "Z,EX01\\Default Frontend EX01," + sid + ","
        + QByteArray::number(seq) + ",10.0.0.5:25,203.0.113.9:51234," + ev + "," + data + ",\r\n";
}

bool hasIssueAt(const ParsedFile &pf, qint64 line, const char *text)
{
    for (const ParseIssue &i : pf.meta.errors) {
        if (i.line == line && i.message.contains(QLatin1String(text)))
            return true;
    }
    return false;
}

} // namespace

class TstIngestFormats : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void receiveLogDetectedFromLogTypeHeader()
    {
        const ParsedFile pf = parse(readData(QStringLiteral("EX01/RECV2024031309-1.LOG")));
        QCOMPARE(pf.meta.format, LogFormat::SmtpReceive);
        QCOMPARE(pf.meta.encoding, QStringLiteral("UTF-8 BOM"));
        QCOMPARE(pf.meta.server, QStringLiteral("EX01"));
        QCOMPARE(pf.meta.lines, qint64(38));
        QVERIFY2(pf.meta.errors.isEmpty(), qPrintable(pf.meta.errors.value(0).message));
        QCOMPARE(pf.keys.size(), size_t(3));
        QCOMPARE(pf.lines.front().line, quint32(6));   // after the five header lines
    }
    void logTypeIsCaseInsensitive()
    {
        QByteArray raw = kProtoHeader;
        raw.replace("#Log-type: SMTP Receive Protocol Log", "#Log-Type: smtp send protocol log");
        raw += protoLine(0, ">", "EHLO ex01.contoso.com");
        QCOMPARE(parse(raw).meta.format, LogFormat::SmtpSend);
    }
    void fieldsAreMappedByNameNotPosition()
    {
        QByteArray raw = "#Log-type: SMTP Receive Protocol Log\n"
                         "#Fields: session-id,date-time,event,sequence-number,connector-id,local-endpoint,remote-endpoint,context,data\n"
                         "08DC42C8FF236A1F,2024-03-13T09:01:18.100Z,>,1,EX01\\Default EX01,10.0.0.5:25,1.2.3.4:5,,220 hello\n";
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.format, LogFormat::SmtpReceive);
        QCOMPARE(pf.meta.lines, qint64(1));
        QCOMPARE(pf.lines.front().sequence, 1);
        QCOMPARE(pf.lines.front().event, '>');
        QCOMPARE(sessionIdText(pf.keys.front().id), QStringLiteral("08DC42C8FF236A1F"));
    }
    void headerlessFragmentRecognisedByShape()
    {
        QByteArray raw = protoLine(5, "<", "RCPT TO:<a@b.c>") + protoLine(6, ">", "250 2.1.5 Recipient OK");
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.format, LogFormat::SmtpReceive);
        QCOMPARE(pf.meta.lines, qint64(2));
        QVERIFY(pf.meta.errors.isEmpty());
    }
    void headerlessSendFragmentRecognisedByRoles()
    {
        QByteArray raw = "2024-03-13T09:03:00.101Z,Outbound to Fabrikam,08DC42C8FF236C01,4,10.0.0.5:50123,198.51.100.25:25,>,EHLO ex01.contoso.com,\n"
                         "2024-03-13T09:03:00.150Z,Outbound to Fabrikam,08DC42C8FF236C01,5,10.0.0.5:50123,198.51.100.25:25,<,250 mail.fabrikam.com,\n";
        QCOMPARE(parse(raw, QStringLiteral("EX09")).meta.format, LogFormat::SmtpSend);
        QCOMPARE(parse(raw, QStringLiteral("EX09")).meta.server, QStringLiteral("EX09"));
    }
    void headerlessSendLogWithTlsFailureIsSend()
    {
        // Issue #25.1: a Send log without header, hand-anonymised id, '*' lines before the connect
        // (no local endpoint), local port high to remote :25, a TLS failure: Send, not Receive.
        const QByteArray id = "08C8881116H5673A";
        auto l = [&](const char *t, int seq, const char *local, const char *ev, const QByteArray &data, const QByteArray &ctx) {
            return QByteArray("2026-12-07T09:01:") + t + "Z,Outbound to Office 365," + id + "," + QByteArray::number(seq) + ","
                + local + ",203.0.113.80:25," + ev + "," + data + "," + ctx + "\r\n";
        };
        QByteArray raw = l("02.100", 0, "", "*", "", "attempting to connect");
        raw += l("02.120", 1, "10.0.0.5:16547", "+", "", "");
        raw += l("02.140", 2, "10.0.0.5:16547", "<", "220 contoso-com.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready", "");
        raw += l("02.150", 3, "10.0.0.5:16547", ">", "EHLO ex01.contoso.com", "");
        raw += l("02.160", 4, "10.0.0.5:16547", "<", "250  contoso-com.mail.protection.outlook.com Hello [198.51.100.1] STARTTLS", "");
        raw += l("02.170", 5, "10.0.0.5:16547", ">", "STARTTLS", "");
        raw += l("02.180", 6, "10.0.0.5:16547", "<", "220 2.0.0 SMTP server ready", "");
        raw += l("02.190", 7, "10.0.0.5:16547", "*", "", "TLS negotiation failed with error UnknownCredentials");
        raw += l("02.200", 8, "10.0.0.5:16547", "-", "", "Local");
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.format, LogFormat::SmtpSend);
        QCOMPARE(pf.meta.lines, qint64(9));
        QVERIFY(pf.meta.errors.isEmpty());
        // The same with a server part pasted in front of the connector name: endpoints still win.
        QByteArray named = raw;
        named.replace("Outbound to Office 365", "EX01\\Outbound to Office 365");
        QCOMPARE(parse(named).meta.format, LogFormat::SmtpSend);
    }
    void mostlyOneFormatReportsTheRestByLine()
    {
        // 20 protocol lines and one pasted prose line: the file is a Receive log, line 11 is reported.
        QByteArray raw;
        for (int i = 0; i < 20; ++i) {
            raw += protoLine(i, i % 2 ? ">" : "<", i % 2 ? "250 2.0.0 OK" : "NOOP");
            if (i == 9)
                raw += "see the attached screenshot for the rest\r\n";
        }
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.format, LogFormat::SmtpReceive);
        QCOMPARE(pf.meta.lines, qint64(20));
        QCOMPARE(pf.meta.errors.size(), 1);
        QCOMPARE(pf.meta.errors[0].line, qint64(11));
    }
    void markdownAndMailQuotedPastesAreUnwrapped()
    {
        // Issue #25.6: a Markdown code block (4-space indent, blank lines between rows, trailing
        // blanks, \* and \\ escapes, ** bold) and an e-mail quote ("> ") read as the log inside.
        QByteArray md = "Here is what the receive log shows:\n\n";
        md += "    2024-03-13T09:01:18.100Z,EX01\\\\Default Frontend EX01,08DC42C8FF236A1F,0,10.0.0.5:25,203.0.113.9:51234,+,,   \n\n";
        md += "    2024-03-13T09:01:18.101Z,EX01\\\\Default Frontend EX01,08DC42C8FF236A1F,1,10.0.0.5:25,203.0.113.9:51234,\\*,SMTPSubmit,Set Session Permissions\n\n";
        md += "    **2024-03-13T09:01:18.102Z,EX01\\\\Default Frontend EX01,08DC42C8FF236A1F,2,10.0.0.5:25,203.0.113.9:51234,<,EHLO mail.fabrikam.com,**\n\n";
        md += "    2024-03-13T09:01:18.103Z,EX01\\\\Default Frontend EX01,08DC42C8FF236A1F,3,10.0.0.5:25,203.0.113.9:51234,-,,Local\n";
        const ParsedFile pf = parse(md);
        QCOMPARE(pf.meta.format, LogFormat::SmtpReceive);
        QCOMPARE(pf.meta.lines, qint64(4));
        QCOMPARE(pf.meta.server, QStringLiteral("EX01"));
        QCOMPARE(pf.meta.errors.size(), 1);   // the prose line, by its number
        QCOMPARE(pf.meta.errors[0].line, qint64(1));
        QCOMPARE(pf.lines[1].event, '*');
        QCOMPARE(pf.lines[2].line, quint32(7));   // line numbers of the paste itself
        QByteArray mail = "> 2024-03-13T09:01:18.100Z,EX01\\Default Frontend EX01,08DC42C8FF236A1F,0,10.0.0.5:25,203.0.113.9:51234,+,,\n"
                          "> 2024-03-13T09:01:18.102Z,EX01\\Default Frontend EX01,08DC42C8FF236A1F,2,10.0.0.5:25,203.0.113.9:51234,<,`EHLO x`,\n"
                          ">\n"
                          "> > 2024-03-13T09:01:18.103Z,EX01\\Default Frontend EX01,08DC42C8FF236A1F,3,10.0.0.5:25,203.0.113.9:51234,-,,Local\n";
        const ParsedFile pm = parse(mail);
        QCOMPARE(pm.meta.format, LogFormat::SmtpReceive);
        QCOMPARE(pm.meta.lines, qint64(3));
        QVERIFY(pm.meta.errors.isEmpty());
        // An ordinary log is never rewritten.
        QVERIFY(parse(kProtoHeader + protoLine(0, "+", "")).bytes->view().startsWith("#Software"));
    }
    void pastedCopyWithoutHashIsRead()
    {
        const ParsedFile pf = parse(readData(QStringLiteral("redacted_paste.txt")));
        QCOMPARE(pf.meta.format, LogFormat::SmtpReceive);
        QCOMPARE(pf.meta.lines, qint64(11));
        QVERIFY(pf.meta.errors.isEmpty());
    }
    void pastedEventWithoutStarIsInformation()
    {
        QByteArray raw = kProtoHeader + protoLine(1, "", "");
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.lines, qint64(1));
        QCOMPARE(pf.lines.front().event, '*');
    }
    void trackingLogByFieldsAndHeaderlessByColumnCount()
    {
        const ParsedFile pf = parse(readData(QStringLiteral("EX01/MSGTRK2024031309-1.LOG")));
        QCOMPARE(pf.meta.format, LogFormat::MessageTracking);
        QCOMPARE(pf.events.size(), 4);
        QCOMPARE(pf.events[0].messageId, QStringLiteral("<CAF1234@mail.fabrikam.com>"));   // brackets added
        QCOMPARE(pf.events[2].subject, QStringLiteral("Hello, world"));
        QCOMPARE(pf.meta.server, QStringLiteral("EX01"));
        // Headerless: 30 columns, taken from the file above without its header.
        QByteArray body = readData(QStringLiteral("EX01/MSGTRK2024031309-1.LOG"));
        body = body.mid(body.indexOf("\r\n2024") + 2);
        const ParsedFile frag = parse(body);
        QCOMPARE(frag.meta.format, LogFormat::MessageTracking);
        QCOMPARE(frag.events.size(), 4);
        QCOMPARE(frag.events[1].event, QStringLiteral("DELIVER"));
    }
    void tracking2010HasTwentySixColumns()
    {
        QByteArray row = "2024-03-13T09:00:00.000Z,1.2.3.4,c,5.6.7.8,EX03,,,SMTP,RECEIVE,42,<x@y>,r@contoso.com,,100,1,,,Subj,s@x,s@x,,Incoming,,,,";
        QCOMPARE(row.count(',') + 1, 26);
        const ParsedFile pf = parse(row + "\n");
        QCOMPARE(pf.meta.format, LogFormat::MessageTracking);
        QCOMPARE(pf.events.size(), 1);
        QCOMPARE(pf.events[0].internalMessageId, QStringLiteral("42"));
        QCOMPARE(pf.events[0].recipients, QStringList{QStringLiteral("r@contoso.com")});
        QCOMPARE(pf.events[0].server, QStringLiteral("EX03"));
    }
    void tracking2007HasTwentyOneColumnsWithoutHeader()
    {
        // Issue #25.5: Exchange 2007 tracking lines (21 fields, no network-message-id, nothing after
        // message-info), without a header.
        QByteArray raw = "2008-05-06T10:11:12.345Z,10.0.0.9,app01,10.0.0.7,HUB07,,HUB07\\Default HUB07,SMTP,RECEIVE,7,<old@contoso.com>,r@contoso.com,250 2.1.5 Recipient OK,900,1,,,Report,s@contoso.com,s@contoso.com,\n"
                         "2008-05-06T10:11:13.000Z,10.0.0.7,HUB07,,MBX07,,,STOREDRIVER,DELIVER,7,<old@contoso.com>,r@contoso.com,,900,1,,,Report,s@contoso.com,s@contoso.com,\n";
        QCOMPARE(raw.left(raw.indexOf('\n')).count(',') + 1, 21);
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.format, LogFormat::MessageTracking);
        QVERIFY2(pf.meta.errors.isEmpty(), qPrintable(pf.meta.errors.value(0).message));
        QCOMPARE(pf.events.size(), 2);
        QCOMPARE(pf.events[0].messageId, QStringLiteral("<old@contoso.com>"));
        QCOMPARE(pf.events[0].recipientStatus, QStringLiteral("250 2.1.5 Recipient OK"));
        QCOMPARE(pf.events[1].event, QStringLiteral("DELIVER"));
        QCOMPARE(pf.events[0].subject, QStringLiteral("Report"));
    }
    void exoSummaryInUtf16WithoutBom()
    {
        const ParsedFile pf = parse(utf16le(readData(QStringLiteral("exo_summary.csv"))));
        QCOMPARE(pf.meta.encoding, QStringLiteral("UTF-16LE"));
        QCOMPARE(pf.meta.format, LogFormat::ExoMessageTrace);
        QCOMPARE(pf.meta.lines, qint64(2));
        QVERIFY(pf.meta.errors.isEmpty());
        // a@…##Receive, Deliver;b@…##Receive, Fail → RECEIVE(a,b), DELIVER(a), FAIL(b)
        QCOMPARE(pf.events.size(), 5);
        QCOMPARE(pf.events[0].event, QStringLiteral("RECEIVE"));
        QCOMPARE(pf.events[0].recipients.size(), 2);
        QCOMPARE(pf.events[2].event, QStringLiteral("FAIL"));
        QCOMPARE(pf.events[2].recipients, QStringList{QStringLiteral("b@contoso.com")});
        QCOMPARE(pf.events[0].subject, QStringLiteral("Budget, \"final\" version"));
        QCOMPARE(pf.events[3].subject, QStringLiteral("Two\nlines"));   // embedded line break
        QCOMPARE(pf.events[0].timeMs, parseTimestampMs("2024-03-13T09:20:09.328Z"));
    }
    void exoExtendedReportUsesTrackingColumns()
    {
        QByteArray raw = "date_time_utc,client_ip,server_hostname,source,event_id,message_id,network_message_id,recipient_address,sender_address,message_subject\n"
                         "2024-03-13T09:00:00.1234567Z,1.2.3.4,BN1PR01MB0001,SMTP,RECEIVE,<ext@x>,nnn,r@contoso.com,s@x,Hi\n";
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.format, LogFormat::ExoMessageTrace);
        QCOMPARE(pf.events.size(), 1);
        QCOMPARE(pf.events[0].event, QStringLiteral("RECEIVE"));
        QCOMPARE(pf.events[0].networkMessageId, QStringLiteral("nnn"));
    }
    void getMessageTraceWithTypeLineAndBom()
    {
        const ParsedFile pf = parse(readData(QStringLiteral("get_messagetrace.csv")));
        QCOMPARE(pf.meta.format, LogFormat::ExoGetMessageTrace);
        QCOMPARE(pf.meta.encoding, QStringLiteral("UTF-8 BOM"));
        QCOMPARE(pf.events.size(), 2);
        QCOMPARE(pf.events[0].event, QStringLiteral("DELIVER"));
        QCOMPARE(pf.events[1].event, QStringLiteral("FAIL"));
        QCOMPARE(pf.events[1].timeMs, parseTimestampMs("2024-03-13T09:31:00Z"));   // no Z = UTC
    }
    void unknownTextIsReportedNotGuessed()
    {
        const ParsedFile pf = parse("Dear admin,\nplease find the logs attached.\n");
        QCOMPARE(pf.meta.format, LogFormat::Unknown);
        QCOMPARE(pf.meta.errors.size(), 1);
        QCOMPARE(pf.meta.errors[0].line, qint64(0));
        QVERIFY(pf.meta.errors[0].message.contains(QLatin1String("not recognised")));
    }
    void binaryGarbageIsUnknown()
    {
        QByteArray junk;
        quint32 x = 12345;
        for (int i = 0; i < 20000; ++i) {
            x = x * 1103515245u + 12345u;
            junk.append(char((x >> 16) & 0xff));
        }
        const ParsedFile pf = parse(junk);
        QCOMPARE(pf.meta.format, LogFormat::Unknown);
        QVERIFY(!pf.meta.errors.isEmpty());
        QVERIFY(pf.lines.empty());
    }
    void emptyFileIsAnError()
    {
        const ParsedFile pf = parse(QByteArray());
        QCOMPARE(pf.meta.format, LogFormat::Unknown);
        QVERIFY(pf.meta.errors.value(0).message.contains(QLatin1String("empty")));
    }
    void repeatedHeaderBlockMidFileIsSkipped()
    {
        QByteArray raw = kProtoHeader + protoLine(0, "+", "") + kProtoHeader + protoLine(1, ">", "220 ready");
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.lines, qint64(2));
        QVERIFY(pf.meta.errors.isEmpty());
        QCOMPARE(pf.lines[1].line, quint32(12));
    }
    void truncatedLastLineIsReportedWithItsNumber()
    {
        QByteArray raw = kProtoHeader + protoLine(0, "+", "") + "2024-03-13T09:01:18.200Z,EX01\\Default Fr";
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.lines, qint64(1));
        QVERIFY(hasIssueAt(pf, 7, "truncated"));
    }
    void nulBytesAndGarbageLinesAreReportedAndTheRestLoads()
    {
        QByteArray raw = kProtoHeader + protoLine(0, "+", "") + QByteArray("2024\0\0\0garbage\r\n", 16)
            + "this is not a log line\r\n" + protoLine(1, ">", "220 ready");
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.format, LogFormat::SmtpReceive);
        QCOMPARE(pf.meta.lines, qint64(2));
        QVERIFY(hasIssueAt(pf, 7, "NUL"));
        QVERIFY(hasIssueAt(pf, 8, "not a protocol-log line"));
    }
    void lineOverTheProtocolLimitIsReportedNotUsed()
    {
        // Issue #25.7: a protocol line over 64 KiB is reported by line and not used; the rest loads.
        QByteArray big(1 << 20, 'x');
        QByteArray raw = kProtoHeader + protoLine(0, "<", "EHLO " + big) + protoLine(1, ">", "250 ok");
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.lines, qint64(1));
        QVERIFY(hasIssueAt(pf, 6, "64 KiB"));
        // Just under the limit is an ordinary line.
        QByteArray under = kProtoHeader + protoLine(0, "<", "EHLO " + QByteArray(60000, 'y')) + protoLine(1, ">", "250 ok");
        const ParsedFile pu = parse(under);
        QCOMPARE(pu.meta.lines, qint64(2));
        QVERIFY(pu.meta.errors.isEmpty());
    }
    void bareCarriageReturnIsReportedNotSwallowed()
    {
        // A CR without LF joins two records into one physical line: reported, neither half used.
        QByteArray two = protoLine(1, ">", "250 ok");
        two.chop(2);   // its CRLF
        QByteArray raw = kProtoHeader + protoLine(0, "<", "NOOP") + two + "\r" + protoLine(2, "<", "QUIT") + protoLine(3, ">", "221 bye");
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.lines, qint64(2));
        QVERIFY(hasIssueAt(pf, 7, "carriage return without line feed"));
        // The counting path agrees.
        ParseControl count;
        count.keepLines = false;
        const ParsedFile pc = parseBytes(FileBytes::fromBuffer(raw), QStringLiteral("test.log"), QString(), 0, count);
        QCOMPARE(pc.meta.lines, qint64(2));
        QCOMPARE(pc.meta.errors.size(), pf.meta.errors.size());
    }
    void truncatedLastRecordIsNotEvidence()
    {
        // The last line cut inside its data field: 8 of 9 fields, no line end. Its half '250 2.6.0'
        // must not make the session delivered; a complete last line without a line end is kept.
        QByteArray cut = protoLine(2, ">", "250 2.6.0 <abc@contoso.com> [InternalId=1] Queued mail for delivery");
        cut.chop(40);
        const ParsedFile pf = parse(kProtoHeader + protoLine(0, "+", "") + protoLine(1, "<", "DATA") + cut);
        QCOMPARE(pf.meta.lines, qint64(2));
        QVERIFY(hasIssueAt(pf, 8, "truncated last line"));
        QByteArray whole = protoLine(2, "-", "", "08DC42C8FF236A1F");
        whole.chop(2);
        QCOMPARE(parse(kProtoHeader + protoLine(0, "+", "") + whole).meta.lines, qint64(2));
    }
    void issuesAreCappedPerFile()
    {
        QByteArray raw = kProtoHeader + protoLine(0, "+", "");
        for (int i = 0; i < kMaxIssuesPerFile + 50; ++i)
            raw += "garbage line\n";
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.errors.size(), kMaxIssuesPerFile + 1);
        QVERIFY(pf.meta.errors.last().message.contains(QLatin1String("50 more")));
    }
    void cancelStopsTheParse()
    {
        QByteArray raw = kProtoHeader;
        for (int i = 0; i < 40000; ++i)
            raw += protoLine(i % 100, ">", "250 2.1.0 Sender OK");
        std::atomic_bool cancel{true};
        ParseControl c;
        c.cancel = &cancel;
        const ParsedFile pf = parseBytes(FileBytes::fromBuffer(raw), QStringLiteral("x"), QString(), 0, c);
        QVERIFY(pf.cancelled);
        QVERIFY(pf.meta.lines < 40000);
    }
    // Issue #25.4: what Get-MessageTrackingLog, Get-MessageTraceV2 and Get-MessageTraceDetailV2
    // look like after Export-Csv / Format-List (fixtures written by the project).
    void emsExportCsvWithTypeLineAndUnjoinedRecipients()
    {
        const ParsedFile pf = parse(readData(QStringLiteral("../exports/ems_tracking_export.csv")));
        QCOMPARE(pf.meta.format, LogFormat::EmsMessageTrackingCsv);
        QCOMPARE(formatId(pf.meta.format), QStringLiteral("ems-message-tracking-csv"));
        QVERIFY2(pf.meta.errors.isEmpty(), qPrintable(pf.meta.errors.value(0).message));
        QCOMPARE(pf.events.size(), 4);
        QCOMPARE(pf.events[0].event, QStringLiteral("RECEIVE"));
        QCOMPARE(pf.events[0].server, QStringLiteral("EX01"));
        QCOMPARE(pf.events[2].server, QStringLiteral("EX02"));   // one export, several servers
        QCOMPARE(pf.events[0].timeMs, parseTimestampMs("2026-12-07T09:01:02Z"));
        QCOMPARE(pf.events[3].timeMs, parseTimestampMs("2026-12-07T13:15:30Z"));   // 1:15:30 PM
        QVERIFY(pf.events[0].recipients.isEmpty());   // "System.String[]" is no address
        QVERIFY(pf.events[0].recipientStatus.isEmpty());
        QCOMPARE(pf.events[0].messageId, QStringLiteral("<a1b2c3@fabrikam.com>"));
        QCOMPARE(pf.events[0].sourceContext, QStringLiteral("08DF1111AAAA2222;2026-12-07T09:01:01.900Z;0"));
        QCOMPARE(pf.events[0].subject, QStringLiteral("Quarterly figures, draft"));
    }
    void emsExportGermanSemicolonJoinedRecipients()
    {
        const ParsedFile pf = parse(readData(QStringLiteral("../exports/ems_tracking_de.csv")));
        QCOMPARE(pf.meta.format, LogFormat::EmsMessageTrackingCsv);
        QVERIFY2(pf.meta.errors.isEmpty(), qPrintable(pf.meta.errors.value(0).message));
        QCOMPARE(pf.events.size(), 4);
        QCOMPARE(pf.events[0].timeMs, parseTimestampMs("2026-12-07T09:01:02Z"));   // 07.12.2026: 7 December
        QCOMPARE(pf.events[3].timeMs, parseTimestampMs("2026-12-07T13:15:30Z"));
        QCOMPARE(pf.events[0].recipients, (QStringList{"anna@contoso.com", "ben@contoso.com"}));
        QCOMPARE(pf.events[3].recipientStatus, QStringLiteral("550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found"));
    }
    void emsExportUtf16LeWithBom()
    {
        // Export-Csv -Encoding Unicode
        const QByteArray raw = QByteArray("\xFF\xFE", 2) + utf16le(readData(QStringLiteral("../exports/ems_tracking_de.csv")));
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.format, LogFormat::EmsMessageTrackingCsv);
        QCOMPARE(pf.meta.encoding, QStringLiteral("UTF-16LE BOM"));
        QCOMPARE(pf.events.size(), 4);
        QCOMPARE(pf.events[1].event, QStringLiteral("SEND"));
    }
    void dayFirstIsDecidedFromTheWholeFile()
    {
        // The first rows are ambiguous (3/4/2026); a later 13/04/2026 shows the culture is day first.
        const QByteArray raw = "\"Timestamp\",\"EventId\",\"MessageId\",\"ServerHostname\"\n"
                               "\"03/04/2026 10:00:00\",\"RECEIVE\",\"<m1@x>\",\"EX01\"\n"
                               "\"13/04/2026 10:00:00\",\"DELIVER\",\"<m1@x>\",\"EX01\"\n";
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.format, LogFormat::EmsMessageTrackingCsv);
        QCOMPARE(pf.events.size(), 2);
        QCOMPARE(pf.events[0].timeMs, parseTimestampMs("2026-04-03T10:00:00Z"));
        QCOMPARE(pf.events[1].timeMs, parseTimestampMs("2026-04-13T10:00:00Z"));
        // And month first when a later row says so.
        const QByteArray us = "Timestamp,EventId,MessageId\n3/4/2026 10:00:00 AM,RECEIVE,<m1@x>\n"
                              "3/13/2026 10:00:00 AM,DELIVER,<m1@x>\n";
        const ParsedFile pu = parse(us);
        QCOMPARE(pu.meta.format, LogFormat::EmsMessageTrackingCsv);
        QCOMPARE(pu.events[0].timeMs, parseTimestampMs("2026-03-04T10:00:00Z"));
    }
    void emsFormatListWithWrappedValues()
    {
        const ParsedFile pf = parse(readData(QStringLiteral("../exports/ems_tracking_list.txt")));
        QCOMPARE(pf.meta.format, LogFormat::EmsMessageTrackingList);
        QVERIFY2(pf.meta.errors.isEmpty(), qPrintable(pf.meta.errors.value(0).message));
        QCOMPARE(pf.events.size(), 4);
        QCOMPARE(pf.events[0].networkMessageId, QStringLiteral("7d6a3c1e-0000-4000-8000-000000000001"));   // wrapped
        QCOMPARE(pf.events[0].recipients, (QStringList{"anna@contoso.com", "ben@contoso.com"}));
        QCOMPARE(pf.events[0].sourceContext, QStringLiteral("08DF1111AAAA2222;2026-12-07T09:01:01.900Z;0"));
        QCOMPARE(pf.events[3].event, QStringLiteral("FAIL"));
        QCOMPARE(pf.events[0].ref.line, qint64(3));
    }
    void formatListPastedWithoutPaddingOrBlankLines()
    {
        const QByteArray raw = "PS C:\\> Get-MessageTrackingLog -MessageId x | fl\n"
                               "Timestamp: 07.12.2026 09:01:02\nEventId: RECEIVE\nMessageId: <p1@x>\nServerHostname: EX01\n"
                               "Timestamp: 07.12.2026 09:01:05\nEventId: DELIVER\nMessageId: <p1@x>\nServerHostname: EX01\n";
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.format, LogFormat::EmsMessageTrackingList);
        QCOMPARE(pf.events.size(), 2);
        QCOMPARE(pf.events[1].timeMs, parseTimestampMs("2026-12-07T09:01:05Z"));
    }
    // Issue #25: Get-MessageTrackingLog writes the local time of the machine that ran it, and
    // Export-Csv / Format-List drop the zone. With a zone given, those times are converted
    // (daylight saving included); without one they stay UTC and the file says so once.
    void zoneLessExportTimesAreReadInTheGivenZone()
    {
        const QByteArray csv = readData(QStringLiteral("../exports/ems_tracking_dst_de.csv"));
        const ParsedFile asUtc = parse(csv);
        QCOMPARE(asUtc.meta.format, LogFormat::EmsMessageTrackingCsv);
        QCOMPARE(asUtc.events.size(), 5);
        QCOMPARE(asUtc.events[0].timeMs, parseTimestampMs("2026-03-28T09:00:00Z"));
        QCOMPARE(asUtc.meta.warnings.size(), 1);   // once per file, not per row
        QVERIFY(asUtc.meta.warnings[0].message.contains(QLatin1String("4 times carry no time zone")));
        QVERIFY(asUtc.meta.warnings[0].message.contains(QLatin1String("--timezone")));
        QVERIFY(asUtc.meta.errors.isEmpty());

        const ParsedFile berlin = parseInZone(csv, QTimeZone("Europe/Berlin"));
        QVERIFY(berlin.meta.warnings.isEmpty());
        QCOMPARE(berlin.events[0].timeMs, parseTimestampMs("2026-03-28T08:00:00Z"));   // CET, +1
        QCOMPARE(berlin.events[1].timeMs, parseTimestampMs("2026-03-28T08:00:04Z"));
        QCOMPARE(berlin.events[2].timeMs, parseTimestampMs("2026-03-30T07:00:00Z"));   // CEST, +2
        QCOMPARE(berlin.events[4].timeMs, parseTimestampMs("2026-03-30T09:00:05Z"));   // said Z: unchanged
        QCOMPARE(berlin.meta.firstMs, parseTimestampMs("2026-03-28T08:00:00Z"));

        // Format-List across the October change, and a fixed offset.
        const QByteArray list = readData(QStringLiteral("../exports/ems_tracking_dst_list.txt"));
        const ParsedFile autumn = parseInZone(list, QTimeZone("Europe/Berlin"));
        QCOMPARE(autumn.meta.format, LogFormat::EmsMessageTrackingList);
        QCOMPARE(autumn.events.size(), 2);
        QCOMPARE(autumn.events[0].timeMs, parseTimestampMs("2026-10-24T16:00:00Z"));   // CEST
        QCOMPARE(autumn.events[1].timeMs, parseTimestampMs("2026-10-26T17:00:00Z"));   // CET
        const ParsedFile fixed = parseInZone(list, timeZoneFromSpec(QStringLiteral("UTC-05:00")));
        QCOMPARE(fixed.events[1].timeMs, parseTimestampMs("2026-10-26T23:00:00Z"));
        QCOMPARE(parse(list).meta.warnings.size(), 1);
    }
    void utcFormatsIgnoreTheGivenZone()
    {
        // Exchange Online traces are UTC by definition (Received may lack the Z); native logs say Z.
        const QTimeZone berlin("Europe/Berlin");
        const ParsedFile v2 = parseInZone(readData(QStringLiteral("../exports/exo_trace_v2.csv")), berlin);
        QCOMPARE(v2.meta.format, LogFormat::ExoMessageTraceV2);
        QCOMPARE(v2.events[1].timeMs, parseTimestampMs("2026-12-07T14:20:11Z"));
        QVERIFY(v2.meta.warnings.isEmpty());
        QVERIFY(parse(readData(QStringLiteral("../exports/exo_trace_v2.csv"))).meta.warnings.isEmpty());
        const QByteArray proto = kProtoHeader + protoLine(0, "+", "");
        const ParsedFile log = parseInZone(proto, berlin);
        QCOMPARE(log.meta.firstMs, parseTimestampMs("2024-03-13T09:01:18.100Z"));
        QVERIFY(log.meta.warnings.isEmpty());
    }
    // Issue #25: Get-MessageTraceV2 / Get-MessageTraceDetailV2 | Format-List are read as their CSV.
    void messageTraceV2FormatList()
    {
        const ParsedFile pf = parse(readData(QStringLiteral("../exports/exo_trace_v2_list.txt")));
        QCOMPARE(pf.meta.format, LogFormat::ExoMessageTraceV2);
        QVERIFY2(pf.meta.errors.isEmpty(), qPrintable(pf.meta.errors.value(0).message));
        QCOMPARE(pf.meta.server, QStringLiteral("EXO"));
        QCOMPARE(pf.events.size(), 2);
        QCOMPARE(pf.events[0].event, QStringLiteral("DELIVER"));
        QCOMPARE(pf.events[0].timeMs, parseTimestampMs("2026-12-07T09:00:58Z"));
        QCOMPARE(pf.events[0].recipients, QStringList{QStringLiteral("anna@contoso.com")});
        QCOMPARE(pf.events[0].networkMessageId, QStringLiteral("7d6a3c1e-0000-4000-8000-000000000001"));
        QCOMPARE(pf.events[1].event, QStringLiteral("PENDING"));
        QCOMPARE(pf.events[1].messageId, QStringLiteral("<inv77@fabrikam.com>"));
        QCOMPARE(pf.events[1].ref.line, qint64(17));
    }
    void messageTraceDetailV2FormatListReadsTheDataXml()
    {
        const ParsedFile pf = parse(readData(QStringLiteral("../exports/exo_trace_detail_v2_list.txt")));
        QCOMPARE(pf.meta.format, LogFormat::ExoMessageTraceV2);
        QVERIFY2(pf.meta.errors.isEmpty(), qPrintable(pf.meta.errors.value(0).message));
        QCOMPARE(pf.events.size(), 2);
        QCOMPARE(pf.events[0].event, QStringLiteral("RECEIVE"));
        QCOMPARE(pf.events[0].connector, QStringLiteral("From fabrikam"));
        QCOMPARE(pf.events[0].clientIp, QStringLiteral("198.51.100.8"));
        QCOMPARE(pf.events[1].event, QStringLiteral("DEFER"));
        QCOMPARE(pf.events[1].timeMs, parseTimestampMs("2026-12-07T14:25:40Z"));
        // The Data XML was wrapped at spaces between attributes over five lines.
        QCOMPARE(pf.events[1].connector, QStringLiteral("Outbound to contoso on-premises"));
        QCOMPARE(pf.events[1].serverHost, QStringLiteral("mail.contoso.com"));
        QCOMPARE(pf.events[1].serverIp, QStringLiteral("203.0.113.25"));
        QVERIFY(pf.events[1].recipientStatus.contains(QLatin1String("Primary target IP address responded with 451 5.7.3")));
        QVERIFY(pf.events[1].recipientStatus.contains(QLatin1String("451 5.7.3 Cannot achieve Exchange Server authentication")));
    }
    // Issue #25: a value wrapped at a space keeps its space; one split inside a token gets none.
    void formatListWrapKeepsSpacesOnlyWhereTheyWere()
    {
        // The prompt and command line above the output are longer than the output's width.
        const ParsedFile v2 = parse("PS C:\\> Get-MessageTraceV2 -StartDate (Get-Date).AddDays(-2) -EndDate (Get-Date) "
                                    "-SenderAddress carl@fabrikam.com | Format-List\r\n"
                                    + readData(QStringLiteral("../exports/exo_trace_v2_list.txt")));
        QVERIFY2(v2.meta.errors.isEmpty(), qPrintable(v2.meta.errors.value(0).message));
        QCOMPARE(v2.events[0].subject, QStringLiteral("Quarterly figures, draft for the board meeting on Thursday with the final numbers attached"));
        QCOMPARE(v2.events[0].messageId, QStringLiteral("<CAF8x1Yk2m3n4p5q6r7s8t9u0v1w2x3y4z5a6b7c8d9e0f1g2h3k4@mail.fabrikam.com>"));
        const ParsedFile track = parse(readData(QStringLiteral("../exports/ems_tracking_list_wordwrap.txt")));
        QCOMPARE(track.meta.format, LogFormat::EmsMessageTrackingList);
        QCOMPARE(track.events.size(), 1);
        QCOMPARE(track.events[0].recipients, (QStringList{"anna@contoso.com", "ben@contoso.com", "carla.longname@contoso.com", "dieter@contoso.com"}));
        QCOMPARE(track.events[0].subject, QStringLiteral("Quarterly figures, draft for the board meeting on Thursday"));
        QCOMPARE(track.events[0].sourceContext, QStringLiteral("08DF1111AAAA2222;2026-12-07T09:01:01.900Z;0;ClientSubmitTime:2026-12-07T09:01:01.800Z"));
        // Split by characters throughout (a culture without word wrap): nothing inserted.
        const ParsedFile chars = parse(readData(QStringLiteral("../exports/ems_tracking_list.txt")));
        QCOMPARE(chars.events[1].connector, QStringLiteral("EX01\\Intra-Organization SMTP Send Connector"));
        QCOMPARE(chars.events[3].recipientStatus, QStringLiteral("550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found"));
        // A copy that kept the trailing space of a wrapped line: one space, not two.
        const QByteArray kept = "Timestamp      : 07.12.2026 09:01:02\nEventId        : RECEIVE\nMessageId      : <k@x>\n"
                                "MessageSubject : Figures for the \n                 board\n";
        QCOMPARE(parse(kept).events[0].subject, QStringLiteral("Figures for the board"));
    }
    void recipientsWithDisplayNamesAreTheirAddresses()
    {
        const QByteArray raw = "Timestamp,EventId,MessageId,Recipients\n"
                               "2026-12-07T09:00:00Z,RECEIVE,<d1@x>,\"Kowalska, Marta <marta.k@contoso.com>; Jane Roe <jane@fabrikam.com>\"\n";
        const ParsedFile pf = parse(raw);
        QCOMPARE(pf.meta.format, LogFormat::EmsMessageTrackingCsv);
        QCOMPARE(pf.events.size(), 1);
        QCOMPARE(pf.events[0].recipients, (QStringList{"marta.k@contoso.com", "jane@fabrikam.com"}));
    }
    void messageTraceV2SummaryWithSemicolons()
    {
        const ParsedFile pf = parse(readData(QStringLiteral("../exports/exo_trace_v2.csv")));
        QCOMPARE(pf.meta.format, LogFormat::ExoMessageTraceV2);
        QCOMPARE(formatId(pf.meta.format), QStringLiteral("exo-message-trace-v2"));
        QCOMPARE(pf.meta.server, QStringLiteral("EXO"));
        QCOMPARE(pf.events.size(), 2);
        QCOMPARE(pf.events[0].event, QStringLiteral("DELIVER"));
        QCOMPARE(pf.events[1].event, QStringLiteral("PENDING"));
        QCOMPARE(pf.events[1].timeMs, parseTimestampMs("2026-12-07T14:20:11Z"));
        QCOMPARE(pf.events[0].networkMessageId, QStringLiteral("7d6a3c1e-0000-4000-8000-000000000001"));
    }
    void messageTraceDetailV2ReadsTheDataXml()
    {
        const ParsedFile pf = parse(readData(QStringLiteral("../exports/exo_trace_detail_v2.csv")));
        QCOMPARE(pf.meta.format, LogFormat::ExoMessageTraceV2);
        QCOMPARE(pf.events.size(), 2);
        QCOMPARE(pf.events[0].event, QStringLiteral("RECEIVE"));
        QCOMPARE(pf.events[0].connector, QStringLiteral("From fabrikam"));
        QCOMPARE(pf.events[0].clientIp, QStringLiteral("198.51.100.8"));
        QCOMPARE(pf.events[1].event, QStringLiteral("DEFER"));
        QCOMPARE(pf.events[1].connector, QStringLiteral("Outbound to contoso on-premises"));
        QCOMPARE(pf.events[1].serverHost, QStringLiteral("mail.contoso.com"));
        QCOMPARE(pf.events[1].serverIp, QStringLiteral("203.0.113.25"));
        QVERIFY(pf.events[1].recipientStatus.contains(QLatin1String("451 5.7.3 Cannot achieve Exchange Server authentication")));
        QCOMPARE(pf.events[1].timeMs, parseTimestampMs("2026-12-07T14:25:40Z"));
    }
    void graphMessageTracePagesAreMergedWithoutRepeats()
    {
        // Two saved pages of GET /admin/exchange/tracing/messageTraces that overlap by one row, and
        // a getDetailsByRecipient row with its data XML.
        const ParsedFile pf = parse(readData(QStringLiteral("../exports/graph_message_traces.json")));
        QCOMPARE(pf.meta.format, LogFormat::ExoGraphMessageTrace);
        QCOMPARE(formatId(pf.meta.format), QStringLiteral("exo-graph-message-trace"));
        QCOMPARE(pf.meta.server, QStringLiteral("EXO"));
        QVERIFY(pf.meta.errors.isEmpty());
        QCOMPARE(pf.events.size(), 3);
        QCOMPARE(pf.events[0].event, QStringLiteral("PENDING"));
        QCOMPARE(pf.events[1].event, QStringLiteral("DELIVER"));
        QCOMPARE(pf.events[1].recipients, QStringList{QStringLiteral("anna@contoso.com")});
        QCOMPARE(pf.events[2].event, QStringLiteral("DEFER"));
        QCOMPARE(pf.events[2].serverHost, QStringLiteral("mail.contoso.com"));
        QCOMPARE(pf.events[2].connector, QStringLiteral("Outbound to contoso on-premises"));
        QCOMPARE(pf.events[2].ref.line, qint64(48));   // the line of its dateTime
        // Ordinary JSON that is no message trace stays unknown.
        QCOMPARE(parse("{\"value\": [1, 2]}").meta.format, LogFormat::Unknown);
    }
    void getMessageTraceV1KeepsItsFormat()
    {
        QCOMPARE(parse(readData(QStringLiteral("get_messagetrace.csv"))).meta.format, LogFormat::ExoGetMessageTrace);
    }
    void formatIdsRoundTrip()
    {
        for (const char *id : {"exo-message-trace-v2", "exo-graph-message-trace", "ems-message-tracking-csv", "ems-message-tracking-list"})
            QCOMPARE(formatId(formatFromId(QLatin1String(id))), QLatin1String(id));
    }
    void messageIdIsNormalised()
    {
        QCOMPARE(normaliseMessageId(QByteArrayView(" id@host ")), QStringLiteral("<id@host>"));
        QCOMPARE(normaliseMessageId(QByteArrayView("<id@host>")), QStringLiteral("<id@host>"));
        QCOMPARE(normaliseMessageId(QByteArrayView("")), QString());
    }

    // Issue #30: the server's build from "#Version:" (message tracking); protocol logs' 15.0.0.0 is none.
    void exchangeBuildFromTheLogHeader()
    {
        const ParsedFile tracking = parse(readData(QStringLiteral("EX01/MSGTRK2024031309-1.LOG")));
        QCOMPARE(tracking.meta.format, LogFormat::MessageTracking);
        QCOMPARE(tracking.meta.exchangeBuild, QStringLiteral("15.2.1258.12"));
        QCOMPARE(tracking.meta.exchangeBuildLine.line, 2);   // the evidence of server-out-of-support
        const ParsedFile protocol = parse(kProtoHeader + protoLine(0, "+", ""));
        QCOMPARE(protocol.meta.format, LogFormat::SmtpReceive);
        QVERIFY(protocol.meta.exchangeBuild.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstIngestFormats)
#include "tst_ingest_formats.moc"
