#pragma once
// Runs the knowledge base (resources/kb/rules.json) over sessions as they stream in and over
// messages at the end; aggregates occurrences into Findings.
#include "model/core/common/result.h"
#include "model/core/diagnosis/finding.h"
#include "model/core/sessions/observer.h"

#include <memory>

namespace mwb {

class KnowledgeBase;

// A certificate seen in the TLS lines of protocol logs, per presenting host (for the certificate
// view): which name the host announced and whether the certificate covers it.
struct CertificateSighting {
    QString server;               // Exchange server whose log shows it
    QString host;                 // name the presenting side announced (banner / EHLO)
    QString hostIp;               // its IP address
    bool own = false;             // presented by the logging server itself (not by its peer)
    Certificate certificate;      // its role: as the log announced it
    bool namesMatch = true;       // host covered by subject CN or a SAN (true when it cannot be judged)
    int sessions = 0;
    qint64 firstMs = kNoTime;
    qint64 lastMs = kNoTime;
    QList<int> sessionIndexes;    // capped at 50
};

class DiagnosisEngine : public SessionObserver {
public:
    // kbPath empty = the rules compiled into the binary (:/kb/rules.json).
    static Result<std::shared_ptr<DiagnosisEngine>> create(const QString &kbPath = {});
    ~DiagnosisEngine() override;

    std::unique_ptr<Scan> scanSessions(const QList<Session> &sessions, qsizetype begin, qsizetype end,
                                       const LinesOf &linesOf) override;
    void sessionsScanned(const Store &store, std::unique_ptr<Scan> scan) override;
    void sessionsDone(const Store &store) override;
    void loadFinished(const Store &store) override;

    QList<Finding> findings() const;   // sorted: severity desc, then first time; symptoms linked
    // The same, with each fault attributed to the organisation server that presents it and both
    // sides' sessions linked (attributeToOrganisation): what the CLI and the GUI show.
    QList<Finding> findings(const Store &store) const;
    const KnowledgeBase &knowledgeBase() const;
    // Certificates per presenting host, ordered by server, host, thumbprint.
    QList<CertificateSighting> certificates() const;

private:
    DiagnosisEngine();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mwb
