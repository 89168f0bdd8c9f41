#include "views/wizard/powershellhighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace mwb::views {

namespace {

bool isSingleQuote(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\'' || u == 0x2018 || u == 0x2019 || u == 0x201A || u == 0x201B;
}

bool darkPalette()
{
    const QPalette p = QGuiApplication::palette();
    return p.color(QPalette::Base).lightness() < 128;
}

} // namespace

PowerShellHighlighter::PowerShellHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const bool dark = darkPalette();
    m_comment.setForeground(dark ? QColor(0x8f, 0xb5, 0x73) : QColor(0x3a, 0x7d, 0x34));
    m_comment.setFontItalic(true);
    m_string.setForeground(dark ? QColor(0xe6, 0xa4, 0x72) : QColor(0xa3, 0x41, 0x0b));
    m_cmdlet.setForeground(dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x0b, 0x4f, 0xa8));
    m_cmdlet.setFontWeight(QFont::Bold);
    m_parameter.setForeground(dark ? QColor(0x7f, 0xd1, 0xc7) : QColor(0x00, 0x6d, 0x75));
    m_variable.setForeground(dark ? QColor(0xd2, 0x9b, 0xf0) : QColor(0x7a, 0x2e, 0x9e));
    m_whatIf.setForeground(dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(0x5a, 0x3a, 0x00));
    m_whatIf.setBackground(dark ? QColor(0xf0, 0xc0, 0x50) : QColor(0xff, 0xe3, 0x9b));
    m_whatIf.setFontWeight(QFont::Bold);
}

void PowerShellHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression cmdlet(QStringLiteral("(?<![\\w-])[A-Z][a-zA-Z]+-[A-Z][A-Za-z]+\\b"));
    static const QRegularExpression parameter(QStringLiteral("(?<![\\w])-[A-Za-z][A-Za-z0-9]*(:\\$\\w+)?"));
    static const QRegularExpression variable(QStringLiteral("\\$[A-Za-z_][\\w:]*"));
    for (const auto *re : {&cmdlet, &parameter, &variable}) {
        auto it = re->globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            const QTextCharFormat &f = re == &cmdlet ? m_cmdlet : (re == &parameter ? m_parameter : m_variable);
            setFormat(int(m.capturedStart()), int(m.capturedLength()), f);
            if (re == &parameter && m.captured(0).compare(QStringLiteral("-WhatIf"), Qt::CaseInsensitive) == 0)
                setFormat(int(m.capturedStart()), int(m.capturedLength()), m_whatIf);
        }
    }
    // Strings and comments last: they win over anything matched inside them. One scan so that a
    // '#' inside a string is not a comment and a quote inside a comment is not a string.
    // (Generated scripts keep every string on one line, so no state crosses blocks.)
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'#') {
            setFormat(i, n - i, m_comment);
            return;
        }
        if (isSingleQuote(c) || c == u'"') {
            const bool single = c != u'"';
            int j = i + 1;
            while (j < n) {
                const QChar d = text.at(j);
                const bool closes = single ? isSingleQuote(d) : d == u'"';
                if (closes) {
                    if (j + 1 < n && (single ? isSingleQuote(text.at(j + 1)) : text.at(j + 1) == u'"')) {
                        j += 2;  // a doubled quote is a literal quote
                        continue;
                    }
                    break;
                }
                if (!single && d == u'`')
                    ++j;  // backtick escapes the next character in "…"
                ++j;
            }
            const int end = qMin(j + 1, n);
            setFormat(i, end - i, m_string);
            i = end;
            continue;
        }
        ++i;
    }
}

} // namespace mwb::views
