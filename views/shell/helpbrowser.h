#pragma once
// F1 help: one window with a page per part of the workbench (filter syntax with examples, what the
// outcomes mean, the TLS card, findings, charts, the console, shortcuts). F1 opens the page of the
// view that has the focus. The pages are built from tr() strings, so they are translated with the
// rest of the UI.
#include <QDialog>

class QListWidget;
class QSize;
class QTextBrowser;

namespace mwb::views {

class HelpBrowser : public QDialog {
    Q_OBJECT
public:
    enum Topic { Overview, Filter, Outcomes, Transcript, Findings, Charts, Console, Shortcuts };

    explicit HelpBrowser(QWidget *parent = nullptr);
    void showTopic(Topic topic);
    Topic topic() const;
    QString pageText() const;   // the shown page as plain text (tests)

    // The topic for the widget that has the focus (or any of its ancestors).
    static Topic topicFor(const QWidget *focus);
    static QString topicHtml(Topic topic);
    // Help > About: version, Qt versions and the licences of what ships with the program.
    static void showAbout(QWidget *parent);

private:
    QListWidget *m_topics;
    QTextBrowser *m_page;
};

// A non-modal dialog showing HTML with a Close button (About, Case Contents); its browser is
// returned for what only some need (links that open outside).
QTextBrowser *showHtmlDialog(QWidget *parent, const QString &title, const QString &objectName, const QString &html,
                             const QSize &minimum);

} // namespace mwb::views
