#pragma once
// The scenario walker: one engine for every scenario. It keeps the path of visited steps
// (history, so Back restores the previous question), the answers, the parameters collected
// from the caller, the analysis and pasted output, and builds the ScriptRequest at the end.
#include "model/core/remediation/cmdletoutput.h"
#include "model/core/remediation/powershellwriter.h"
#include "model/core/remediation/scenario.h"

namespace mwb::remediation {

class ScenarioWalker {
public:
    explicit ScenarioWalker(Scenario scenario);

    const Scenario &scenario() const { return m_scenario; }
    const Step *currentStep() const;      // nullptr once finished
    bool isFinished() const { return m_current.isEmpty(); }

    // Records the answer of the current step and moves along its branch.
    void answer(Answer answer);
    bool canGoBack() const { return !m_history.isEmpty(); }
    // Returns to the previous step; its answer (and everything after it) is forgotten.
    void back();
    void restart();

    QStringList history() const { return m_history; }           // answered steps, in order
    QMap<QString, Answer> answers() const { return m_answers; }
    // 1-based number of the current step and the total along the longest remaining path.
    int position() const { return int(m_history.size()) + (isFinished() ? 0 : 1); }
    int estimatedTotal() const;

    // Parses pasted output with the current step's parser. Values of captured parameters are
    // taken when they pass validation (an invalid capture is dropped: never trusted blindly).
    // Returns the parse result; suggestedAnswer() then tells what the output says.
    ParsedOutput pasteOutput(const QString &text);
    Answer suggestedAnswer(const ParsedOutput &parsed) const;

    void setParameter(const QString &name, const QString &value);  // empty value removes it
    QMap<QString, QString> parameters() const { return m_parameters; }
    void setEvidence(const QStringList &evidence) { m_evidence = evidence; }
    QStringList evidence() const { return m_evidence; }
    QStringList notes() const { return m_notes; }  // what pasted output told us, per step

    QString currentCommand() const;  // the current step's command, values quoted
    ScriptRequest request(bool apply) const;

private:
    int longestPathFrom(const QString &stepId) const;

    Scenario m_scenario;
    QString m_current;
    QStringList m_history;
    QMap<QString, Answer> m_answers;
    QMap<QString, QString> m_parameters;
    QStringList m_evidence;
    QStringList m_notes;
};

} // namespace mwb::remediation
