#include "model/itemmodels/transcriptmodel.h"
#include "model/core/cases/redaction.h"
#include "model/core/common/safetext.h"

#include "model/core/sessions/store.h"

#include <QColor>
#include <QFileInfo>
#include <QIcon>
#include <QRegularExpression>

namespace mwb {

Speaker speakerOf(Direction direction, char event)
{
    switch (event) {
    case '+': return Speaker::Connect;
    case '-': return Speaker::Disconnect;
    case '<': return direction == Direction::Receive ? Speaker::Client : Speaker::Server;
    case '>': return direction == Direction::Receive ? Speaker::Server : Speaker::Client;
    default: return Speaker::Info;
    }
}

namespace {

bool isContinuation(const QString &data)
{
    // "250-PIPELINING": a reply line that announces more lines follow.
    return data.size() >= 4 && data.at(0).isDigit() && data.at(1).isDigit() && data.at(2).isDigit()
        && data.at(3) == QLatin1Char('-');
}

bool isCertificateContext(const SessionLine &line)
{
    if (line.event != '*')
        return false;
    const QString &c = line.context;
    const QString &d = line.data;
    return c.contains(QLatin1String("certificate"), Qt::CaseInsensitive)
        || d.contains(QLatin1String("negotiation succeeded"), Qt::CaseInsensitive)
        || c.contains(QLatin1String("negotiation succeeded"), Qt::CaseInsensitive)
        || c.contains(QLatin1String("TlsDomainCapabilities"), Qt::CaseInsensitive);
}

} // namespace

QList<TranscriptEntry> buildTranscript(Direction direction, const QList<SessionLine> &lines)
{
    QList<TranscriptEntry> entries;
    qint64 previousMs = kNoTime;
    bool openContinuation = false;
    for (const SessionLine &line : lines) {
        const Speaker speaker = speakerOf(direction, line.event);
        if (openContinuation && !entries.isEmpty() && entries.last().speaker == speaker) {
            entries.last().lines << line;
            openContinuation = isContinuation(line.data);
            previousMs = line.timeMs;
            continue;
        }
        TranscriptEntry e;
        e.lines << line;
        e.speaker = speaker;
        e.isCertificate = isCertificateContext(line);
        if (previousMs != kNoTime && line.timeMs != kNoTime && line.timeMs - previousMs >= kTranscriptGapMs)
            e.gapBeforeMs = line.timeMs - previousMs;
        if (line.timeMs != kNoTime)
            previousMs = line.timeMs;
        openContinuation = (speaker == Speaker::Server || speaker == Speaker::Client) && isContinuation(line.data);
        entries << e;
    }
    return entries;
}

TranscriptModel::TranscriptModel(QObject *parent) : QAbstractTableModel(parent) {}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TranscriptModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TranscriptModel::fileLabel(const RecordRef &ref) const
{
    QString name;
    if (ref.fileIndex < 0 && ref.line <= 0)
        return {};
    if (ref.fileIndex >= 0 && ref.fileIndex < m_filePaths.size())
        name = QFileInfo(m_filePaths.at(ref.fileIndex)).fileName();
    else if (ref.fileIndex >= 0)
        name = tr("file %1").arg(ref.fileIndex);
    return ref.line > 0 ? QStringLiteral("%1:%2").arg(name).arg(ref.line) : name;
}

QString TranscriptModel::filePath(const RecordRef &ref) const
{
    return ref.fileIndex >= 0 && ref.fileIndex < m_filePaths.size() ? m_filePaths.at(ref.fileIndex) : QString();
}

bool TranscriptModel::isBookmarked(const TranscriptEntry &e) const
{
    if (m_bookmarked.isEmpty())
        return false;
    for (const SessionLine &l : e.lines) {
        if (m_bookmarked.contains({filePath(l.ref), l.ref.line}))
            return true;
    }
    return false;
}

void TranscriptModel::setBookmarkedLines(const QSet<QPair<QString, qint64>> &lines)
{
    if (lines == m_bookmarked)
        return;
    m_bookmarked = lines;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, AbsoluteTime), index(rowCount() - 1, AbsoluteTime), {Qt::DecorationRole, Qt::ToolTipRole, BookmarkedRole});
}

static QString entryText(const TranscriptEntry &e)
{
    const SessionLine &first = e.lines.first();
    QString text = first.data;
    if (first.event == '*' || first.event == '+' || first.event == '-') {
        if (!first.context.isEmpty())
            text = text.isEmpty() ? first.context : text.trimmed() + QStringLiteral("  \u2014 ") + first.context;
    }
    if (e.lines.size() > 1) {
        // Folded: show the final line of the reply, it carries the outcome.
        text = e.lines.last().data + QStringLiteral("   [+%1 lines]").arg(e.lines.size() - 1);
    }
    return text;
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TranscriptEntry &e = m_entries.at(index.row());
    const SessionLine &first = e.lines.first();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AbsoluteTime: return formatTime(first.timeMs, m_timeDisplay);
        case RelativeTime:
            return (first.timeMs == kNoTime || m_session.startMs == kNoTime)
                ? QString() : QStringLiteral("+%1").arg(double(first.timeMs - m_session.startMs) / 1000.0, 0, 'f', 3);
        case Arrow: return speakerArrow(e.speaker);
        case Text: return entryText(e);
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == AbsoluteTime && isBookmarked(e))
            return QIcon(QStringLiteral(":/icons/actions/bookmark.svg"));
        return {};
    case BookmarkedRole: return isBookmarked(e);
    case FilePathRole: return filePath(first.ref);
    case LineRole: return first.ref.line;
    case Qt::ToolTipRole: {
        QString tip = fileLabel(first.ref);
        if (isBookmarked(e))
            tip += tr("\nBookmarked");
        if (e.gapBeforeMs > 0)
            tip += QLatin1Char('\n') + silenceText(e.gapBeforeMs);
        if (e.lines.size() > 1)
            tip += QLatin1Char('\n') + data(index, FullTextRole).toString();
        return tip;
    }
    case SpeakerRole: return int(e.speaker);
    case GapRole: return e.gapBeforeMs;
    case FoldedCountRole: return int(e.lines.size());
    case FullTextRole: {
        QStringList all;
        for (const SessionLine &l : e.lines)
            all << (l.data.isEmpty() ? l.context : l.data);
        return all.join(QLatin1Char('\n'));
    }
    case FileLineRole: return fileLabel(first.ref);
    case RefRole: return QVariantList{first.ref.fileIndex, first.ref.line};
    case RawRole: return m_store ? m_store->recordText(first.ref) : QString();
    }
    return {};
}

QVariant TranscriptModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AbsoluteTime: return m_timeDisplay == TimeDisplay::Utc ? tr("Time (UTC)") : tr("Time (local)");
    case RelativeTime: return tr("+s");
    case Arrow: return tr("Dir");
    case Text: return tr("Line");
    }
    return {};
}

void TranscriptModel::setSession(const Store *store, const Session &session)
{
    QStringList paths;
    if (store) {
        for (const SourceFile &f : store->files)
            paths << f.path;
    }
    const QList<SessionLine> lines = store ? store->sessionLines(session) : QList<SessionLine>{};
    setLines(session, lines, paths);
    m_store = store;
}

void TranscriptModel::setLines(const Session &session, const QList<SessionLine> &lines, const QStringList &filePaths)
{
    beginResetModel();
    m_store = nullptr;
    m_session = session;
    m_filePaths = filePaths;
    m_entries = buildTranscript(session.direction, lines);
    endResetModel();
}

void TranscriptModel::clear()
{
    beginResetModel();
    m_store = nullptr;
    m_session = Session{};
    m_entries.clear();
    endResetModel();
}

void TranscriptModel::setTimeDisplay(TimeDisplay display)
{
    if (display == m_timeDisplay)
        return;
    m_timeDisplay = display;
    Q_EMIT headerDataChanged(Qt::Horizontal, AbsoluteTime, AbsoluteTime);
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, AbsoluteTime), index(rowCount() - 1, AbsoluteTime));
}

QString TranscriptModel::rawText(const SessionLine &l) const
{
    if (m_store && l.ref.isValid()) {
        const QString raw = m_store->recordText(l.ref);
        if (!raw.isEmpty())
            return raw;
    }
    QString text = QStringLiteral("%1,%2,%3,%4,").arg(formatIsoMs(l.timeMs)).arg(l.sequence).arg(QChar::fromLatin1(l.event), l.data);
    return text + l.context;
}

int TranscriptModel::rowOfLine(qint64 fileLine) const
{
    for (qsizetype r = 0; r < m_entries.size(); ++r) {
        for (const SessionLine &l : m_entries.at(r).lines) {
            if (l.ref.line == fileLine)
                return int(r);
        }
    }
    return -1;
}

QString TranscriptModel::toText(Redactor *redactor) const
{
    // Plain text for the clipboard and .txt files: every value from the log goes through the one
    // control-character escaper, so a pasted or `cat`ed transcript cannot drive a terminal.
    const auto safe = [redactor](const QString &v) { return escapeControls(redactor ? redactor->redactText(v) : v); };
    QString out = tr("Session %1 on %2 (%3) %4 \u2192 %5\n")
                      .arg(safe(m_session.id), safe(m_session.server), safe(m_session.connector), safe(m_session.remote),
                           safe(m_session.local));
    for (const TranscriptEntry &e : m_entries) {
        if (e.gapBeforeMs > 0)
            out += silenceTextLine(e.gapBeforeMs) + QLatin1Char('\n');
        for (const SessionLine &l : e.lines) {
            QString text = l.data;
            if (!l.context.isEmpty())
                text += (text.isEmpty() ? QString() : QStringLiteral("  \u2014 ")) + l.context;
            // transcriptTextLine escapes; the redaction comes first.
            out += transcriptTextLine(formatTime(l.timeMs, m_timeDisplay), e.speaker, redactor ? redactor->redactText(text) : text)
                + QLatin1Char('\n');
        }
    }
    return out;
}

QString TranscriptModel::toHtml(Redactor *redactor) const
{
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    auto rd = [redactor](const QString &v) { return redactor ? redactor->redactText(v) : v; };
    QString out = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                                 "<style>body{font-family:monospace}.c{color:#1f5fbf}.s{color:#1f7a3d}"
                                 ".i{color:#777}.gap{background:#fff3cd}</style></head><body>\n")
                      .arg(esc(tr("Session %1").arg(rd(m_session.id))));
    out += QStringLiteral("<h1>%1</h1>\n").arg(esc(tr("Session %1 on %2, %3 \u2192 %4")
                                                      .arg(rd(m_session.id), rd(m_session.server), rd(m_session.remote), rd(m_session.local))));
    out += QStringLiteral("<table>\n");
    for (const TranscriptEntry &e : m_entries) {
        if (e.gapBeforeMs > 0)
            out += QStringLiteral("<tr class=\"gap\"><td colspan=\"3\">%1</td></tr>\n").arg(esc(silenceText(e.gapBeforeMs)));
        const char *cls = e.speaker == Speaker::Client ? "c" : e.speaker == Speaker::Server ? "s" : "i";
        for (const SessionLine &l : e.lines) {
            QString text = l.data;
            if (!l.context.isEmpty())
                text += (text.isEmpty() ? QString() : QStringLiteral("  \u2014 ")) + l.context;
            out += QStringLiteral("<tr class=\"%1\"><td>%2</td><td>%3</td><td>%4</td></tr>\n")
                       .arg(QLatin1String(cls), esc(formatTime(l.timeMs, m_timeDisplay)), esc(speakerArrow(e.speaker)), esc(rd(text)));
        }
    }
    out += QStringLiteral("</table>\n</body></html>\n");
    return out;
}

} // namespace mwb
