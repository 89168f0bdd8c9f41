#include "views/common/smtphighlighter.h"

#include "views/common/theme.h"

#include <QRegularExpression>
#include <QTextDocument>

#ifdef MWB_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace mwb::views {

namespace {

struct Palette {
    QColor command, ok, intermediate, transient, permanent, address, ip, certificate, time, keyword;
};

Palette colors(const QPalette &palette)
{
    if (isDark(palette)) {
        return {QColor(0x8c, 0xb8, 0xff), QColor(0x6e, 0xd8, 0x8f), QColor(0x7f, 0xc8, 0xf8), QColor(0xf0, 0xc0, 0x4a),
                QColor(0xff, 0x7b, 0x7b), QColor(0xd8, 0x9c, 0xf6), QColor(0x5f, 0xd3, 0xc8), QColor(0xf5, 0xa6, 0x5b),
                QColor(0x9a, 0xa3, 0xaf), QColor(0xc9, 0xb6, 0xff)};
    }
    return {QColor(0x1f, 0x4f, 0xa8), QColor(0x1b, 0x7a, 0x3a), QColor(0x0b, 0x6b, 0x9e), QColor(0xa8, 0x60, 0x00),
            QColor(0xb4, 0x1c, 0x1c), QColor(0x7a, 0x2e, 0xa0), QColor(0x00, 0x78, 0x78), QColor(0xb3, 0x5a, 0x00),
            QColor(0x6b, 0x72, 0x80), QColor(0x5b, 0x3f, 0xb8)};
}

QTextCharFormat fmt(const QColor &c, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(c);
    if (bold)
        f.setFontWeight(QFont::Bold);
    if (italic)
        f.setFontItalic(true);
    return f;
}

QColor classColor(QChar cls, const Palette &p)
{
    switch (cls.toLatin1()) {
    case '2': return p.ok;
    case '3': return p.intermediate;
    case '4': return p.transient;
    default: return p.permanent;
    }
}

} // namespace

QList<QTextLayout::FormatRange> smtpFormats(const QString &line, const QPalette &palette)
{
    static const QRegularExpression command(QStringLiteral(
        R"((?<![\w.-])(EHLO|HELO|MAIL FROM|RCPT TO|DATA|BDAT|QUIT|RSET|NOOP|STARTTLS|X-ANONYMOUSTLS|X-EXPS|X-EXCHANGEAUTH|XEXCH50|XRDST|XSHADOW|AUTH(?: LOGIN| NTLM| PLAIN| GSSAPI)?|VRFY|EXPN)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression reply(QStringLiteral(R"((?:^|[\s,>])([2-5]\d\d)(?=[ -]|$))"));
    static const QRegularExpression enhanced(QStringLiteral(R"(\b([245])\.\d{1,3}\.\d{1,3}\b)"));
    static const QRegularExpression address(QStringLiteral(R"(<[^<>\s]*@[^<>\s]+>|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+)"));
    static const QRegularExpression ip(QStringLiteral(
        R"(\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b|\[[0-9A-Fa-f:.%]+\](?::\d{1,5})?)"));
    static const QRegularExpression cert(QStringLiteral(
        R"(\b(?:CN|O|OU|C|L|S|ST|DC)=|\b[0-9A-F]{40}\b|Certificate (?:thumbprint|subject|issuer name|serial number|alternate names)|Sending certificate|Received certificate|SubjectMismatch|TlsCertificateName|SP_PROT_TLS1_\d_(?:SERVER|CLIENT))"));
    static const QRegularExpression time(QStringLiteral(R"(\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?Z?)"));

    const Palette p = colors(palette);
    QList<QTextLayout::FormatRange> out;
    auto add = [&](qsizetype start, qsizetype length, const QTextCharFormat &f) {
        out.append({int(start), int(length), f});
    };
    for (auto it = time.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedLength(), fmt(p.time));
    }
    for (auto it = ip.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedLength(), fmt(p.ip));
    }
    for (auto it = command.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(1), m.capturedLength(1), fmt(p.command, true));
    }
    for (auto it = reply.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(1), m.capturedLength(1), fmt(classColor(m.captured(1).at(0), p), true));
    }
    for (auto it = enhanced.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedLength(), fmt(classColor(m.captured(1).at(0), p), true));
    }
    for (auto it = address.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedLength(), fmt(p.address));
    }
    for (auto it = cert.globalMatch(line); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedLength(), fmt(p.certificate, false, true));
    }
    return out;
}

SmtpHighlighter::SmtpHighlighter(QTextDocument *document) : QSyntaxHighlighter(document) {}

void SmtpHighlighter::setPalette(const QPalette &palette)
{
    m_palette = palette;
    rehighlight();
}

void SmtpHighlighter::highlightBlock(const QString &text)
{
    for (const QTextLayout::FormatRange &r : smtpFormats(text, m_palette))
        setFormat(r.start, r.length, r.format);
}

QObject *attachLogHighlighter(QTextDocument *document, const QPalette &palette)
{
#ifdef MWB_HAVE_KSYNTAXHIGHLIGHTING
    static KSyntaxHighlighting::Repository repository;
    // A project definition named "SMTP Transcript" may be installed; otherwise use ours.
    const KSyntaxHighlighting::Definition def = repository.definitionForName(QStringLiteral("SMTP Transcript"));
    if (def.isValid()) {
        auto *k = new KSyntaxHighlighting::SyntaxHighlighter(document);
        k->setTheme(repository.defaultTheme(isDark(palette) ? KSyntaxHighlighting::Repository::DarkTheme
                                                            : KSyntaxHighlighting::Repository::LightTheme));
        k->setDefinition(def);
        return k;
    }
#endif
    auto *h = new SmtpHighlighter(document);
    h->setPalette(palette);
    return h;
}

} // namespace mwb::views
