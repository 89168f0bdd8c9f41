#include "views/shell/helpbrowser.h"

#include "views/console/consolewidget.h"
#include "views/sessions/chartsview.h"
#include "views/sessions/findingsview.h"
#include "views/sessions/sessionsview.h"
#include "views/sessions/transcriptview.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mwb::views {

namespace {

QString para(const QString &text) { return QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped()); }
QString heading(const QString &text) { return QStringLiteral("<h2>%1</h2>").arg(text.toHtmlEscaped()); }

// Rows of "what you type or see" and what it means.
QString table(const QList<QPair<QString, QString>> &rows)
{
    QString h = QStringLiteral("<table cellpadding=\"4\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse\">");
    for (const auto &r : rows)
        h += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td></tr>").arg(r.first.toHtmlEscaped(), r.second.toHtmlEscaped());
    return h + QStringLiteral("</table>");
}

} // namespace

HelpBrowser::HelpBrowser(QWidget *parent) : QDialog(parent), m_topics(new QListWidget(this)), m_page(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("helpBrowser"));
    setWindowTitle(tr("Mailflow Workbench Help"));
    m_page->setObjectName(QStringLiteral("helpPage"));
    m_page->setOpenExternalLinks(false);
    const QStringList names{tr("Overview"), tr("Filtering sessions"), tr("Session outcomes"), tr("Transcript and TLS card"),
                            tr("Findings"), tr("Charts"), tr("SMTP console"), tr("Keyboard shortcuts")};
    m_topics->addItems(names);
    m_topics->setMaximumWidth(220);
    connect(m_topics, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_page->setHtml(topicHtml(Topic(row)));
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(m_topics);
    row->addWidget(m_page, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(buttons);
    resize(900, 620);
    showTopic(Overview);
}

void HelpBrowser::showTopic(Topic topic)
{
    m_topics->setCurrentRow(int(topic));
    m_page->setHtml(topicHtml(topic));
}

HelpBrowser::Topic HelpBrowser::topic() const
{
    return Topic(std::max(0, m_topics->currentRow()));
}

QString HelpBrowser::pageText() const
{
    return m_page->toPlainText();
}

HelpBrowser::Topic HelpBrowser::topicFor(const QWidget *focus)
{
    for (const QWidget *w = focus; w; w = w->parentWidget()) {
        if (qobject_cast<const SessionsView *>(w))
            return Filter;
        if (qobject_cast<const TranscriptView *>(w))
            return Transcript;
        if (qobject_cast<const FindingsView *>(w))
            return Findings;
        if (qobject_cast<const ChartsView *>(w))
            return Charts;
        if (qobject_cast<const ConsoleWidget *>(w))
            return Console;
    }
    return Overview;
}

QString HelpBrowser::topicHtml(Topic topic)
{
    QString h;
    switch (topic) {
    case Overview:
        h += heading(tr("Finding out why mail does not flow"));
        h += para(tr("Drop Exchange logs on the window: SMTP Receive and Send protocol logs (FrontEnd, Hub, Edge), message "
                     "tracking logs, Exchange Online message traces, Export-Csv and Format-List output, folders and archives. "
                     "Pasted log lines load too (Edit > Paste Logs)."));
        h += para(tr("The Findings dock lists the faults found, most severe first; a symptom sits under the fault that causes "
                     "it. Select one to read its evidence, show its sessions, or open the remediation wizard with the values "
                     "taken from the evidence."));
        h += para(tr("The sessions table shows every SMTP session; select one to read its transcript and TLS details. The "
                     "Message journey tab follows one message across servers; Charts show outcomes and errors over time."));
        h += para(tr("Press F1 in any view for help on that view."));
        break;
    case Filter:
        h += heading(tr("Filtering sessions"));
        h += para(tr("Every field of the filter bar narrows the table; empty fields do not restrict. The charts count only "
                     "what the filter lets through."));
        h += table({{QStringLiteral("tls negotiation failed"), tr("Free text: session id, server, connector, endpoints, EHLO, "
                                                                  "sender, recipients, message ids and the last reply contain it "
                                                                  "(case does not matter).")},
                    {QStringLiteral("^250 .*Queued"), tr("With Regex ticked: a regular expression over the same fields.")},
                    {QStringLiteral("10.0.0.0/8"), tr("Remote IP or CIDR (IPv4 or IPv6, e.g. 2001:db8::/32); other text matches "
                                                      "part of the remote endpoint.")},
                    {QStringLiteral("4.4.317"), tr("SMTP code of the last reply: an enhanced status code.")},
                    {QStringLiteral("5.7.*"), tr("A code class: any 5.7.x reply.")},
                    {QStringLiteral("451"), tr("A basic reply code.")},
                    {tr("Connector"), tr("Part of the receive or send connector name, e.g. Default Frontend.")},
                    {tr("Time"), tr("Sessions that start in the range (a drag on a time chart sets it).")},
                    {tr("Has TLS / Has finding"), tr("Only sessions with an established TLS handshake / that a finding names.")}});
        h += para(tr("Right-click a cell and choose \"Apply as filter\" to filter on its value."));
        break;
    case Outcomes:
        h += heading(tr("Session outcomes"));
        h += table({{tr("delivered"), tr("The server accepted at least one message (250 after DATA or BDAT).")},
                    {tr("rejected"), tr("A permanent refusal (5xx) of the message, its recipients or the session.")},
                    {tr("deferred"), tr("A temporary refusal (4xx): the sender keeps the message queued and retries.")},
                    {tr("dropped"), tr("The connection ended in the middle of a transaction, without a final reply.")},
                    {tr("no mail"), tr("The session carried no message: a connection test, a probe or an idle connection.")},
                    {tr("tls-failed"), tr("The TLS handshake after STARTTLS failed: nothing after it was protected, and the "
                                          "sender usually queues the message (for example 4.4.317 from Exchange Online).")}});
        h += para(tr("The padlock means an established TLS handshake; a red broken lock means it was attempted and failed."));
        break;
    case Transcript:
        h += heading(tr("Transcript and TLS card"));
        h += para(tr("The transcript lists the session's lines in order: commands from the client, replies from the server "
                     "and the log's own notes. A badge on a line says how long it was waited for."));
        h += para(tr("The TLS card shows the certificates the log recorded. The name check compares the server's certificate "
                     "with the expected FQDN: the name the sender asks for (the MX, the smart host, the name in the connector). "
                     "When a finding names it, the card uses it; otherwise it guesses from the server's banner and says so."));
        h += para(tr("Raw lines shows the log lines as they are in the file; Copy as text copies the transcript."));
        break;
    case Findings:
        h += heading(tr("Findings"));
        h += para(tr("Each finding is a fault with its evidence: the log lines, the sessions and messages it covers, the servers "
                     "involved and the server to fix. Errors come first, then warnings and information."));
        h += para(tr("Show sessions filters the table to the finding's sessions. Open in wizard starts the remediation wizard "
                     "with the values the evidence gives (server, connector, thumbprint, FQDN); the script it writes runs its "
                     "read-only checks first, and its changing commands carry -WhatIf unless you choose apply mode."));
        h += para(tr("Mark a finding confirmed or dismissed, or add a note (Edit > Finding): that is saved with the case."));
        break;
    case Charts:
        h += heading(tr("Charts"));
        h += para(tr("Sessions over time by outcome, error replies over time, the top remote hosts and the top error codes, "
                     "counted over the sessions the filter lets through."));
        h += para(tr("Drag over a time chart to zoom into a range (the table is filtered to it too); Reset Zoom shows the whole "
                     "range again. Click a bar or a point to filter the table to it."));
        break;
    case Console:
        h += heading(tr("SMTP console"));
        h += para(tr("A real SMTP client: type commands (EHLO, STARTTLS, AUTH LOGIN user, MAIL FROM:<a@b>, RCPT TO:<c@d>, "
                     "DATA, QUIT) or use Quick test. Every reply is timed; the Certificate tab checks the chain against the "
                     "expected certificate name."));
        h += para(tr("DATA, BDAT and Quick test send the message text for real: the console asks before it sends. Passwords "
                     "are asked in a separate field and never written to the transcript or the history."));
        break;
    case Shortcuts:
        h += heading(tr("Keyboard shortcuts"));
        h += table({{QStringLiteral("Ctrl+O"), tr("Open logs")},
                    {QStringLiteral("Ctrl+Shift+O"), tr("Open a folder of logs")},
                    {QStringLiteral("Ctrl+Shift+V"), tr("Paste logs")},
                    {QStringLiteral("Ctrl+F"), tr("Filter sessions")},
                    {QStringLiteral("Ctrl+1 / 2 / 3"), tr("Sessions, message journey, charts")},
                    {QStringLiteral("Alt+Left / Alt+Right"), tr("Back and forward")},
                    {QStringLiteral("Ctrl+T"), tr("Times in UTC or local time")},
                    {QStringLiteral("Ctrl+R"), tr("Raw log lines")},
                    {QStringLiteral("Ctrl+Shift+W"), tr("Remediation wizard")},
                    {QStringLiteral("Ctrl+Shift+K"), tr("SMTP console")},
                    {QStringLiteral("Ctrl+."), tr("Cancel loading")},
                    {QStringLiteral("F1"), tr("Help for the view that has the focus")}});
        break;
    }
    return h;
}

QTextBrowser *showHtmlDialog(QWidget *parent, const QString &title, const QString &objectName, const QString &html, const QSize &minimum)
{
    auto *box = new QDialog(parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(title);
    auto *layout = new QVBoxLayout(box);
    auto *text = new QTextBrowser(box);
    text->setObjectName(objectName);
    text->setAccessibleName(title);
    text->setHtml(html);
    text->setMinimumSize(minimum);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, box);
    QObject::connect(buttons, &QDialogButtonBox::rejected, box, &QDialog::close);
    layout->addWidget(text);
    layout->addWidget(buttons);
    box->show();
    return text;
}

void HelpBrowser::showAbout(QWidget *parent)
{
    QTextBrowser *text =
        showHtmlDialog(parent, tr("About Mailflow Workbench"), QStringLiteral("aboutText"),
                       tr("<h2>Mailflow Workbench %1</h2>"
                          "<p>Find out why Exchange mail does not flow, and fix it.</p>"
                          "<p>Built with Qt %2, running on Qt %3.</p>"
                          "<h3>Licences</h3>"
                          "<ul><li>Mailflow Workbench: see the LICENSE file shipped with it.</li>"
                          "<li>Qt 6 (Core, Gui, Widgets, Network, Sql, Concurrent, Svg): GNU LGPL v3.</li>"
                          "<li>Qt Charts: GNU GPL v3.</li>"
                          "<li>libarchive: BSD 2-clause.</li>"
                          "<li>KSyntaxHighlighting (when built with it): MIT.</li></ul>")
                           .arg(QStringLiteral(MWB_VERSION).toHtmlEscaped(), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())),
                       QSize(460, 300));
    text->setOpenExternalLinks(true);
}

} // namespace mwb::views
