#pragma once
// Highlighting of SMTP transcripts and Exchange log lines: commands, reply codes by class,
// enhanced status codes, addresses, IPs, certificate fields. One rule set serves the
// QSyntaxHighlighter (text views) and the item delegates (tables) via smtpFormats().
#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextLayout>

namespace mwb::views {

// Format ranges for one line of text, with colours suited to `palette` (light or dark).
QList<QTextLayout::FormatRange> smtpFormats(const QString &line, const QPalette &palette);

class SmtpHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit SmtpHighlighter(QTextDocument *document);
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QPalette m_palette;
};

// Attaches the best highlighter available: KSyntaxHighlighting when the build has it (and it knows
// a fitting definition), the built-in SmtpHighlighter otherwise. The highlighter is owned by `document`.
QObject *attachLogHighlighter(QTextDocument *document, const QPalette &palette);

} // namespace mwb::views
