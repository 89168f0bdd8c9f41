#pragma once
// One session as a "follow stream": coloured client/server lines with arrows, absolute and relative
// times, highlighted gaps, folded multi-line replies (Enter / double-click unfolds), a TLS card with
// the certificate and a check of its names against the FQDN the admin expects, and a raw view with
// file and line numbers. Under the header, the Exchange version the session's server runs (from
// its logs' #Version headers), with an out-of-support build said in words and shown in red.
#include "model/core/sessions/serverversions.h"
#include "model/itemmodels/transcriptmodel.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace mwb::views {

class TranscriptView : public QWidget {
    Q_OBJECT
public:
    explicit TranscriptView(QWidget *parent = nullptr);

    TranscriptModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void setSession(const Store *store, const Session &session);
    // The Exchange build each server's logs name (serverVersions(store.files)): the header shows the
    // one of the session's server.
    void setServerVersions(const QList<ServerVersion> &versions);
    QString serverVersionText() const;   // the version line as shown; empty when hidden (tests)
    void setLines(const Session &session, const QList<SessionLine> &lines, const QStringList &filePaths = {});
    void clear();
    void setTimeDisplay(TimeDisplay display);
    void setExpectedFqdn(const QString &fqdn);
    void setRawMode(bool raw);
    bool isRawMode() const;
    void scrollToLine(qint64 fileLine);

    bool isExpanded(int row) const { return m_expanded.contains(row); }
    void toggleExpanded(int row);
    QString tlsCardText() const;        // plain text of the card (tests)
    // The card folded to its first line (protocol and any failure) or showing the certificates.
    void setTlsCardExpanded(bool expanded);
    bool isTlsCardExpanded() const;
    QString rawText() const;
    void copyAsText() const;

Q_SIGNALS:
    void messageIdActivated(const QString &messageId);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showGuessedExpectedName(const Session &session);
    void refreshCard();
    void fitCardText();
    void refreshRaw();

    TranscriptModel *m_model;
    QLabel *m_header;
    QLabel *m_version;                   // "EX01: Exchange Server 2019 CU14 (…) — OUT OF SUPPORT since …"
    QList<ServerVersion> m_versions;
    QWidget *m_card;
    QLabel *m_cardText;
    QToolButton *m_cardToggle;   // folds the card to its first line
    QWidget *m_expectedRow;
    QLineEdit *m_expected;
    QString m_expectedGuessed;   // the banner name put there as a guess (empty once evidence named one)
    QStackedWidget *m_stack;
    QTableView *m_table;
    QPlainTextEdit *m_raw;
    QToolButton *m_rawButton;
    QToolButton *m_journeyButton;
    QSet<int> m_expanded;
};

// The fixed-width font of transcripts, at the size of `base`.
QFont transcriptFont(const QFont &base);

} // namespace mwb::views
