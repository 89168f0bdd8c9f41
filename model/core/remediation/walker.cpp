#include "model/core/remediation/walker.h"

#include "model/core/remediation/parameterkinds.h"

#include <algorithm>

namespace mwb::remediation {

ScenarioWalker::ScenarioWalker(Scenario scenario)
    : m_scenario(std::move(scenario))
{
    restart();
}

const Step *ScenarioWalker::currentStep() const
{
    return m_current.isEmpty() ? nullptr : m_scenario.step(m_current);
}

void ScenarioWalker::restart()
{
    m_history.clear();
    m_answers.clear();
    m_notes.clear();
    m_current = m_scenario.steps.isEmpty() ? QString() : m_scenario.steps.first().id;
}

void ScenarioWalker::answer(Answer answer)
{
    const Step *step = currentStep();
    if (!step || answer == Answer::None)
        return;
    m_answers.insert(step->id, answer);
    m_history << step->id;
    m_current = step->next(answer);
}

void ScenarioWalker::back()
{
    if (m_history.isEmpty())
        return;
    m_current = m_history.takeLast();
    m_answers.remove(m_current);
    const QString prefix = m_current + QStringLiteral(": ");
    m_notes.erase(std::remove_if(m_notes.begin(), m_notes.end(), [&](const QString &n) { return n.startsWith(prefix); }),
                  m_notes.end());
}

int ScenarioWalker::longestPathFrom(const QString &stepId) const
{
    // The graph is acyclic (checked when the scenario was loaded) and small: plain recursion.
    const Step *step = m_scenario.step(stepId);
    if (!step)
        return 0;
    int best = 0;
    for (const QString &next : {step->nextYes, step->nextNo, step->nextUnknown})
        best = qMax(best, longestPathFrom(next));
    return 1 + best;
}

int ScenarioWalker::estimatedTotal() const
{
    return int(m_history.size()) + longestPathFrom(m_current);
}

ParsedOutput ScenarioWalker::pasteOutput(const QString &text)
{
    const Step *step = currentStep();
    if (!step || step->parser.isEmpty())
        return {};
    ParsedOutput parsed = parseCmdletOutput(step->parser, text);
    for (auto it = step->captures.begin(); it != step->captures.end(); ++it) {
        const QString value = parsed.facts.value(it.value());
        const ParameterSpec *spec = m_scenario.parameter(it.key());
        if (value.isEmpty() || !spec || m_parameters.contains(it.key()))
            continue;  // what the admin or the analysis gave wins over pasted output
        if (validateParameterValue(spec->kind, value).ok())
            m_parameters.insert(it.key(), value);
    }
    m_notes.erase(std::remove_if(m_notes.begin(), m_notes.end(),
                                 [&](const QString &n) { return n.startsWith(step->id + QStringLiteral(": ")); }),
                  m_notes.end());
    if (parsed.recognized && !parsed.summary.isEmpty())
        m_notes << step->id + QStringLiteral(": ") + parsed.summary;
    return parsed;
}

Answer ScenarioWalker::suggestedAnswer(const ParsedOutput &parsed) const
{
    const Step *step = currentStep();
    if (!step || !step->autoAnswer.isSet() || !parsed.recognized || !parsed.facts.contains(step->autoAnswer.fact))
        return Answer::None;
    const QString value = parsed.facts.value(step->autoAnswer.fact);
    if (value == step->autoAnswer.yes)
        return Answer::Yes;
    if (value == step->autoAnswer.no)
        return Answer::No;
    return Answer::None;
}

void ScenarioWalker::setParameter(const QString &name, const QString &value)
{
    if (value.trimmed().isEmpty())
        m_parameters.remove(name);
    else
        m_parameters.insert(name, value);
}

QString ScenarioWalker::currentCommand() const
{
    const Step *step = currentStep();
    return step ? renderCommandForDisplay(step->command, m_scenario, m_parameters) : QString();
}

ScriptRequest ScenarioWalker::request(bool apply) const
{
    ScriptRequest r;
    r.parameters = m_parameters;
    r.answers = m_answers;
    r.evidence = m_evidence;
    for (const QString &note : m_notes)
        r.evidence << QStringLiteral("pasted output, ") + note;
    r.apply = apply;
    return r;
}

} // namespace mwb::remediation
