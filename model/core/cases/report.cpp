#include "model/core/cases/report.h"

#include "model/core/common/timeutil.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QSaveFile>
#include <QSet>
#include <algorithm>
#include <optional>

namespace mwb {

namespace {

// Context for lupdate: report texts are translated like the rest of the UI.
class Report {
    Q_DECLARE_TR_FUNCTIONS(mwb::Report)
};

QString esc(const QString &s) { return s.toHtmlEscaped(); }

// A long path as its last folders ("…/EX01/TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive"):
// the folder that tells the admin which server and log it was; the appendix has the whole path.
QString shortPath(const QString &path)
{
    constexpr qsizetype kMax = 64;
    if (path.size() <= kMax)
        return path;
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString tail;
    for (qsizetype i = parts.size() - 1; i >= 0; --i) {
        const QString next = parts.at(i) + (tail.isEmpty() ? QString() : QStringLiteral("/") + tail);
        if (!tail.isEmpty() && next.size() > kMax - 2)
            break;
        tail = next;
    }
    return QStringLiteral("\u2026/") + tail;
}

QString timeText(qint64 ms) { return ms == kNoTime ? QStringLiteral("–") : formatIsoMs(ms); }

// A report cell for a duration; a negative one (no time known) is a dash.
QString durationText(qint64 ms) { return ms < 0 ? QStringLiteral("\u2013") : formatDuration(ms); }

const char *kStyle = R"css(
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:72em;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #d0d7de;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f5f7}pre{background:#f6f8fa;border:1px solid #d0d7de;padding:.6em;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
.finding{border:1px solid #d0d7de;border-left-width:6px;padding:.2em 1em;margin:1em 0}
.sev-error{border-left-color:#b42318}.sev-warning{border-left-color:#b54708}.sev-info{border-left-color:#175cd3}
.badge{display:inline-block;font-size:.8em;font-weight:600;padding:0 .5em;border:1px solid currentColor;border-radius:.7em}
.muted{color:#57606a}.meta td:first-child{font-weight:600}
@media print{body{margin:0;max-width:none}.finding{page-break-inside:avoid}}
)css";

QString severityLabel(Severity s)
{
    switch (s) {
    case Severity::Error: return Report::tr("Error");
    case Severity::Warning: return Report::tr("Warning");
    case Severity::Info: return Report::tr("Information");
    }
    return {};
}

QString stateLabel(FindingState s)
{
    switch (s) {
    case FindingState::New: return Report::tr("new");
    case FindingState::Confirmed: return Report::tr("confirmed");
    case FindingState::Dismissed: return Report::tr("dismissed");
    }
    return {};
}

// Applies redaction (when on) to log-derived values; the caller escapes the result.
class Scrubber {
public:
    Scrubber(const ReportOptions &o, const Store *store)
    {
        if (!o.redact)
            return;
        if (o.redactor) {
            m_redactor = o.redactor;
        } else {
            m_own.emplace(o.redaction);
            m_redactor = &*m_own;
        }
        if (store)
            m_redactor->learnFromStore(*store);
    }
    bool active() const { return m_redactor != nullptr; }
    QString text(const QString &s) { return m_redactor ? m_redactor->redactText(s) : s; }
    QString host(const QString &s) { return m_redactor ? m_redactor->redactHost(s) : s; }
    QString email(const QString &s) { return m_redactor ? m_redactor->redactEmail(s) : s; }
    QString subject(const QString &s) { return m_redactor ? m_redactor->redactSubject(s) : s; }
    int replacementCount() const { return m_redactor ? int(m_redactor->replacements().size()) : 0; }

private:
    std::optional<Redactor> m_own;
    Redactor *m_redactor = nullptr;
};

QString joinEscaped(const QStringList &values, Scrubber &scrub, QString (Scrubber::*how)(const QString &))
{
    QStringList out;
    for (const QString &v : values)
        out << esc((scrub.*how)(v));
    return out.join(QStringLiteral(", "));
}

QString messageStatusLabel(MessageStatus s)
{
    switch (s) {
    case MessageStatus::Delivered: return Report::tr("delivered");
    case MessageStatus::Failed: return Report::tr("failed");
    case MessageStatus::Deferred: return Report::tr("deferred");
    case MessageStatus::Pending: return Report::tr("pending");
    }
    return {};
}

} // namespace

QString findingKey(const Finding &finding)
{
    QString key;
    if (!finding.servers.isEmpty()) {
        QStringList servers = finding.servers;
        servers.sort(Qt::CaseInsensitive);
        key = servers.join(QLatin1Char(','));
    } else {
        key = finding.sessions.value(0);
    }
    // Two findings of one rule on one server (delivery-failed per code and remote party, relay-denied
    // per cause) keep their own state; rules grouped by server alone keep the key they always had.
    if (!finding.groupKey.isEmpty())
        key += QLatin1Char('|') + finding.groupKey;
    return key;
}

QString svgBarChart(const QString &title, const QList<QPair<QString, qint64>> &bars)
{
    const int labelWidth = 160, barMax = 360, rowHeight = 22, top = 28;
    const int height = top + int(bars.size()) * rowHeight + 8;
    qint64 maxValue = 1;
    for (const auto &b : bars)
        maxValue = std::max(maxValue, b.second);
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%1\" height=\"%2\" "
                                 "viewBox=\"0 0 %1 %2\" aria-label=\"%3\">")
                      .arg(labelWidth + barMax + 80).arg(height).arg(esc(title));
    svg += QStringLiteral("<title>%1</title>").arg(esc(title));
    svg += QStringLiteral("<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"600\">%1</text>").arg(esc(title));
    for (int i = 0; i < bars.size(); ++i) {
        const int y = top + i * rowHeight;
        const int w = bars[i].second > 0 ? std::max(1, int(bars[i].second * barMax / maxValue)) : 0;
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"12\" text-anchor=\"end\">%3</text>")
                   .arg(labelWidth - 6).arg(y + 14).arg(esc(bars[i].first));
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"16\" fill=\"#4a6fa5\"/>")
                   .arg(labelWidth).arg(y + 2).arg(w);
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"12\">%3</text>")
                   .arg(labelWidth + w + 6).arg(y + 14).arg(bars[i].second);
    }
    svg += QStringLiteral("</svg>");
    return svg;
}

QString buildHtmlReport(const Analysis &analysis, const ReportOptions &options)
{
    static const Store emptyStore;
    const Store &store = analysis.store ? *analysis.store : emptyStore;
    Scrubber scrub(options, &store);
    auto recordText = [&](const RecordRef &ref) {
        return options.recordText ? options.recordText(ref) : store.recordText(ref);
    };
    auto filePath = [&](int index) {
        return index >= 0 && index < store.files.size() ? store.files.at(index).path : QString();
    };

    const QString title = options.title.isEmpty() ? Report::tr("Mail flow investigation") : options.title;
    const QDateTime generated = options.generatedAt.isValid() ? options.generatedAt : QDateTime::currentDateTimeUtc();

    QString h;
    h.reserve(64 * 1024);
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">\n")
             .arg(esc(Report::tr("en", "HTML lang attribute of the report")));
    // No scripts, no external loads: images only from data: URLs, styles only inline.
    h += QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n");
    h += QStringLiteral("<meta name=\"generator\" content=\"Mailflow Workbench %1\">\n").arg(esc(QStringLiteral(MWB_VERSION)));
    h += QStringLiteral("<title>%1</title>\n<style>%2</style></head><body>\n").arg(esc(title), QString::fromLatin1(kStyle));
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(title));
    h += QStringLiteral("<p class=\"muted\">%1</p>\n")
             .arg(esc(Report::tr("Generated %1 by Mailflow Workbench %2.")
                          .arg(generated.toUTC().toString(Qt::ISODate), QStringLiteral(MWB_VERSION))));
    if (scrub.active())
        h += QStringLiteral("<p><strong>%1</strong></p>\n")
                 .arg(esc(Report::tr("Redacted for sharing: addresses, user names, domains, IP addresses, host names "
                                     "and subjects are replaced by consistent pseudonyms.")));

    // --- summary ---------------------------------------------------------------------------
    qint64 first = kNoTime, last = kNoTime, lines = 0;
    auto widen = [&](qint64 a, qint64 b) {
        if (a != kNoTime && (first == kNoTime || a < first))
            first = a;
        if (b != kNoTime && (last == kNoTime || b > last))
            last = b;
    };
    for (const SourceFile &f : store.files) {
        widen(f.firstMs, f.lastMs);
        lines += f.lines;
    }
    for (const Session &s : store.sessions)
        widen(s.startMs, s.endMs);
    h += QStringLiteral("<h2 id=\"summary\">%1</h2>\n<table class=\"meta\">\n").arg(esc(Report::tr("Summary")));
    auto row = [&h](const QString &k, const QString &v) {
        h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>\n").arg(esc(k), esc(v));
    };
    row(Report::tr("Files"), QString::number(store.files.size()));
    row(Report::tr("Lines"), QString::number(lines));
    row(Report::tr("Sessions"), QString::number(store.sessions.size()));
    row(Report::tr("Messages"), QString::number(store.messages.size()));
    row(Report::tr("Findings"), QString::number(analysis.findings.size()));
    row(Report::tr("First record"), timeText(first));
    row(Report::tr("Last record"), timeText(last));
    if (first != kNoTime && last != kNoTime)
        row(Report::tr("Time span"), durationText(last - first));
    h += QStringLiteral("</table>\n");

    // Where the logs came from, folded by folder: hundreds of file paths before the findings buried
    // them (the full list is the appendix at the end).
    if (!store.files.isEmpty()) {
        QMap<QString, int> folders;
        for (const SourceFile &f : store.files) {
            const QString archive = f.path.section(QStringLiteral("!/"), 0, 0);
            const QString folder = f.path.contains(QStringLiteral("!/")) ? archive : QFileInfo(f.path).path();
            ++folders[folder];
        }
        QStringList shown;
        for (auto it = folders.cbegin(); it != folders.cend() && shown.size() < 8; ++it)
            shown << Report::tr("%1 (%n file(s))", nullptr, it.value()).arg(shortPath(scrub.text(it.key())));
        if (folders.size() > shown.size())
            shown << Report::tr("and %n more folder(s)", nullptr, int(folders.size() - shown.size()));
        h += QStringLiteral("<p>%1 %2</p>\n").arg(esc(Report::tr("Sources:")), esc(shown.join(QStringLiteral("; "))));
    }

    // --- findings --------------------------------------------------------------------------
    QHash<QString, FindingState> states;
    for (const FindingStateEntry &e : options.findingStates)
        states.insert(e.rule + QLatin1Char('|') + e.key, e.state);
    QHash<QString, QString> notes[3];
    for (const Note &n : options.notes)
        notes[int(n.target)].insert(n.key, n.text);

    h += QStringLiteral("<h2 id=\"findings\">%1</h2>\n").arg(esc(Report::tr("Findings")));
    if (analysis.findings.isEmpty())
        h += QStringLiteral("<p>%1</p>\n").arg(esc(Report::tr("No faults were found in the loaded logs.")));
    QSet<QString> journeyIds;
    for (const Finding &f : analysis.findings) {
        const QString key = findingKey(f);
        const FindingState state = states.value(f.rule + QLatin1Char('|') + key, FindingState::New);
        h += QStringLiteral("<section class=\"finding sev-%1\">\n").arg(esc(severityId(f.severity)));
        h += QStringLiteral("<h3>%1 <span class=\"badge\">%2</span> <span class=\"badge\">%3</span></h3>\n")
                 .arg(esc(scrub.text(f.title)), esc(severityLabel(f.severity)), esc(stateLabel(state)));
        h += QStringLiteral("<p>%1</p>\n").arg(esc(scrub.text(f.explanation)));
        h += QStringLiteral("<table class=\"meta\">\n");
        row(Report::tr("Rule"), f.rule);
        row(Report::tr("Occurrences"), QString::number(f.count));
        if (!f.servers.isEmpty())
            h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>\n").arg(esc(Report::tr("Servers")), joinEscaped(f.servers, scrub, &Scrubber::host));
        if (!f.codes.isEmpty())
            row(Report::tr("Codes"), f.codes.join(QStringLiteral(", ")));
        row(Report::tr("First"), timeText(f.firstMs));
        row(Report::tr("Last"), timeText(f.lastMs));
        if (!f.sessions.isEmpty()) {
            QStringList shown = f.sessions.mid(0, options.maxSessionsPerFinding);
            QString v = shown.join(QStringLiteral(", "));
            if (f.sessions.size() > shown.size())
                v += QLatin1Char(' ') + Report::tr("(and %n more)", nullptr, int(f.sessions.size() - shown.size()));
            row(Report::tr("Sessions"), v);
        }
        if (!f.messageIds.isEmpty())
            h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>\n")
                     .arg(esc(Report::tr("Messages")), joinEscaped(f.messageIds.mid(0, options.maxSessionsPerFinding), scrub, &Scrubber::text));
        if (!f.scenario.isEmpty())
            row(Report::tr("Remediation scenario"), f.scenario);
        h += QStringLiteral("</table>\n");
        if (const QString n = notes[int(NoteTarget::Finding)].value(f.rule + QLatin1Char('|') + key); !n.isEmpty())
            h += QStringLiteral("<p><strong>%1</strong> %2</p>\n").arg(esc(Report::tr("Note:")), esc(scrub.text(n)));
        if (!f.evidence.isEmpty()) {
            h += QStringLiteral("<p>%1</p>\n<pre>").arg(esc(Report::tr("Evidence:")));
            const int shown = std::min<int>(int(f.evidence.size()), options.maxEvidencePerFinding);
            for (int i = 0; i < shown; ++i) {
                const RecordRef &ref = f.evidence.at(i);
                h += QStringLiteral("<span class=\"muted\">%1:%2</span>\n%3\n")
                         .arg(esc(scrub.text(filePath(ref.fileIndex))))
                         .arg(ref.line)
                         .arg(esc(scrub.text(recordText(ref))));
            }
            if (f.evidence.size() > shown)
                h += esc(Report::tr("(and %n more lines)", nullptr, int(f.evidence.size() - shown))) + QLatin1Char('\n');
            h += QStringLiteral("</pre>\n");
        }
        h += QStringLiteral("</section>\n");
        for (const QString &id : f.messageIds)
            journeyIds.insert(id);
    }

    // --- charts ----------------------------------------------------------------------------
    if (options.svgCharts || !options.charts.isEmpty() || options.chartImage) {
        h += QStringLiteral("<h2 id=\"charts\">%1</h2>\n").arg(esc(Report::tr("Charts")));
        if (options.svgCharts) {
            QMap<SessionOutcome, qint64> outcomes;
            for (const Session &s : store.sessions)
                ++outcomes[s.outcome];
            QList<QPair<QString, qint64>> bars;
            for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
                bars.append({outcomeId(it.key()), it.value()});
            if (!bars.isEmpty())
                h += QStringLiteral("<figure>%1</figure>\n").arg(svgBarChart(Report::tr("Sessions by outcome"), bars));
            QList<QPair<QString, qint64>> findingBars;
            for (const Finding &f : analysis.findings)
                findingBars.append({f.rule, f.count});
            std::stable_sort(findingBars.begin(), findingBars.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
            if (!findingBars.isEmpty())
                h += QStringLiteral("<figure>%1</figure>\n").arg(svgBarChart(Report::tr("Occurrences per finding"), findingBars.mid(0, 15)));
        }
        if (options.chartImage) {
            // Rendered now, with the report's pseudonyms on its labels: a chart of top remote hosts
            // must not give away the addresses the text replaced.
            const std::function<QString(const QString &)> label = [&scrub](const QString &text) { return scrub.text(text); };
            const QByteArray png = options.chartImage(label);
            if (!png.isEmpty())
                h += QStringLiteral("<figure><img src=\"data:image/png;base64,%1\" alt=\"%2\"><figcaption>%3</figcaption></figure>\n")
                         .arg(QString::fromLatin1(png.toBase64()), esc(Report::tr("Charts of the sessions: outcomes and errors over time, top remote hosts and error codes")),
                              esc(Report::tr("Charts")));
        }
        for (const ReportChart &c : options.charts) {
            if (c.png.isEmpty())
                continue;
            h += QStringLiteral("<figure><img src=\"data:image/png;base64,%1\" alt=\"%2\"><figcaption>%3</figcaption></figure>\n")
                     .arg(QString::fromLatin1(c.png.toBase64()), esc(c.description.isEmpty() ? c.title : c.description), esc(c.title));
        }
    }

    // --- message journeys ------------------------------------------------------------------
    // Messages named by findings first, then the ones that did not get through.
    QList<int> journeys;
    for (int i = 0; i < store.messages.size(); ++i)
        if (journeyIds.contains(store.messages.at(i).messageId))
            journeys.append(i);
    for (int i = 0; i < store.messages.size(); ++i) {
        const Message &m = store.messages.at(i);
        if (m.status != MessageStatus::Delivered && !journeyIds.contains(m.messageId))
            journeys.append(i);
    }
    if (journeys.size() > options.maxJourneys)
        journeys.resize(options.maxJourneys);
    h += QStringLiteral("<h2 id=\"journeys\">%1</h2>\n").arg(esc(Report::tr("Message journeys")));
    if (journeys.isEmpty())
        h += QStringLiteral("<p>%1</p>\n").arg(esc(Report::tr("Every traced message was delivered.")));
    for (int index : journeys) {
        if (index < 0 || index >= store.messages.size())
            continue;
        const Message &m = store.messages.at(index);
        h += QStringLiteral("<h3>%1</h3>\n<table class=\"meta\">\n").arg(esc(scrub.text(m.messageId)));
        if (!m.subject.isEmpty())
            row(Report::tr("Subject"), scrub.subject(m.subject));
        if (!m.sender.isEmpty())
            row(Report::tr("Sender"), scrub.email(m.sender));
        if (!m.recipients.isEmpty())
            h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>\n").arg(esc(Report::tr("Recipients")), joinEscaped(m.recipients, scrub, &Scrubber::email));
        row(Report::tr("Status"), messageStatusLabel(m.status));
        row(Report::tr("Delay"), durationText(m.delayMs));
        if (const QString n = notes[int(NoteTarget::Message)].value(m.messageId); !n.isEmpty())
            row(Report::tr("Note"), scrub.text(n));
        h += QStringLiteral("</table>\n");
        if (!m.hops.isEmpty()) {
            h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>\n")
                     .arg(esc(Report::tr("Time")), esc(Report::tr("Server")), esc(Report::tr("Event")), esc(Report::tr("Source")),
                          esc(Report::tr("Next hop")), esc(Report::tr("Recipient status")));
            for (const MessageHop &hop : m.hops)
                h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>\n")
                         .arg(esc(timeText(hop.timeMs)), esc(scrub.host(hop.server)), esc(hop.event), esc(hop.source),
                              esc(scrub.host(hop.nextHop)), esc(scrub.text(hop.recipientStatus)));
            h += QStringLiteral("</table>\n");
        }
    }

    // --- session notes ---------------------------------------------------------------------
    if (!notes[int(NoteTarget::Session)].isEmpty()) {
        h += QStringLiteral("<h2 id=\"notes\">%1</h2>\n<table><tr><th>%2</th><th>%3</th></tr>\n")
                 .arg(esc(Report::tr("Session notes")), esc(Report::tr("Session")), esc(Report::tr("Note")));
        QStringList ids = notes[int(NoteTarget::Session)].keys();
        ids.sort();
        for (const QString &id : ids)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>\n").arg(esc(id), esc(scrub.text(notes[int(NoteTarget::Session)].value(id))));
        h += QStringLiteral("</table>\n");
    }

    // --- scripts ---------------------------------------------------------------------------
    if (!options.scripts.isEmpty()) {
        h += QStringLiteral("<h2 id=\"scripts\">%1</h2>\n").arg(esc(Report::tr("Remediation scripts")));
        for (const ReportScript &s : options.scripts) {
            h += QStringLiteral("<h3>%1</h3>\n").arg(esc(s.title.isEmpty() ? s.scenario : s.title));
            h += QStringLiteral("<pre>%1</pre>\n").arg(esc(scrub.text(s.script)));
        }
    }

    // --- appendix: every source file ---------------------------------------------------------
    if (!store.files.isEmpty()) {
        h += QStringLiteral("<h2 id=\"files\">%1</h2>\n").arg(esc(Report::tr("Appendix: source files")));
        h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>\n")
                 .arg(esc(Report::tr("File")), esc(Report::tr("Format")), esc(Report::tr("Server")),
                      esc(Report::tr("Lines")), esc(Report::tr("Unreadable")));
        for (const SourceFile &f : store.files)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>\n")
                     .arg(esc(scrub.text(f.path)), esc(formatId(f.format)), esc(scrub.host(f.server)))
                     .arg(f.lines).arg(f.errors.size());
        h += QStringLiteral("</table>\n");
    }

    if (scrub.active())
        h += QStringLiteral("<p class=\"muted\">%1</p>\n").arg(esc(Report::tr("%n value(s) replaced by pseudonyms.", nullptr, scrub.replacementCount())));
    h += QStringLiteral("</body></html>\n");
    return h;
}

Result<void> writeHtmlReport(const Analysis &analysis, const QString &path, const ReportOptions &options)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Result<void>::fail(Report::tr("Cannot write the report %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = buildHtmlReport(analysis, options).toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Result<void>::fail(Report::tr("Cannot write the report %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace mwb
