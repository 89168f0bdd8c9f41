#pragma once
// The guided checklist: from a symptom in admin words, through read-only checks (copy the
// command, paste its output back, answer Yes/No/Unknown), to a PowerShell script with -WhatIf.
// Driven by the same scenario data and walker as `mwb remediate` (model/core/remediation).
//
// Open it from the Tools menu with no arguments, or from a finding with its scenario id and
// parameters exactly as the finding has them (Finding::parameters / analysis JSON names such as
// Server, Connector, Fqdn, Domain): they are mapped onto the scenario (aliases included),
// pre-filled and editable on the first page; the rest goes into the script header as evidence.
#include <QMap>
#include <QStringList>
#include <QWizard>

#include <memory>

namespace mwb::remediation {
class ScenarioWalker;
}

namespace mwb::views {

class RemediationWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { StartPageId = 0, SummaryPageId = 1, ScriptPageId = 2, FirstStepPageId = 100 };

    explicit RemediationWizard(const QString &scenarioId = {}, const QMap<QString, QString> &parameters = {},
                               QWidget *parent = nullptr);
    ~RemediationWizard() override;

    // Shown in the script header, e.g. "RECV2026112008-1.LOG:812" or a finding's title.
    void setEvidence(const QStringList &evidence);
    QStringList evidence() const { return m_evidence; }

    QString scenarioId() const;                 // "" until a scenario is chosen
    remediation::ScenarioWalker *walker() const { return m_walker.get(); }
    bool dryRun() const { return m_dryRun; }
    void setDryRun(bool dryRun);

    // The script for the answers so far ("" and an error when a value is missing or invalid).
    QString script(QString *error = nullptr) const;
    // Writes the script as UTF-8 with BOM (Windows PowerShell 5.1 reads BOM-less files as ANSI).
    bool saveScript(const QString &path, QString *error = nullptr);

    // Used by the pages.
    void startScenario(const QString &scenarioId, const QMap<QString, QString> &parameters);
    int pageIdForStep(const QString &stepId) const;
    QString initialScenarioId() const { return m_initialScenario; }
    QMap<QString, QString> initialParameters() const { return m_initialParameters; }

signals:
    void dryRunChanged(bool dryRun);
    void scriptSaved(const QString &path);

private:
    std::unique_ptr<remediation::ScenarioWalker> m_walker;
    QStringList m_stepIds;
    QStringList m_evidence;
    QStringList m_findingNotes;
    QString m_initialScenario;
    QMap<QString, QString> m_initialParameters;
    bool m_dryRun = true;
};

} // namespace mwb::views
