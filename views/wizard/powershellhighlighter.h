#pragma once
// Syntax highlighting for the generated PowerShell in the wizard's preview: comments, single- and
// double-quoted strings (PowerShell's typographic single quotes included), cmdlet names,
// parameters, variables, and -WhatIf marked so a dry run is visible at a glance.
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace mwb::views {

class PowerShellHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit PowerShellHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_comment, m_string, m_cmdlet, m_parameter, m_variable, m_whatIf;
};

} // namespace mwb::views
