#pragma once
// Runs the knowledge base (resources/kb/rules.json) over sessions as they stream in and over
// messages at the end; aggregates occurrences into Findings.
#include "model/core/common/result.h"
#include "model/core/diagnosis/finding.h"
#include "model/core/sessions/observer.h"

#include <memory>

namespace mwb {

class KnowledgeBase;

class DiagnosisEngine : public SessionObserver {
public:
    // kbPath empty = the rules compiled into the binary (:/kb/rules.json).
    static Result<std::shared_ptr<DiagnosisEngine>> create(const QString &kbPath = {});
    ~DiagnosisEngine() override;

    void sessionAssembled(const Store &store, const Session &session, const QList<SessionLine> &lines) override;
    void loadFinished(const Store &store) override;

    QList<Finding> findings() const;   // sorted: severity desc, then first time
    const KnowledgeBase &knowledgeBase() const;

private:
    DiagnosisEngine();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mwb
