// `mwb scenarios` and `mwb remediate`: the headless face of the remediation engine
// (model/core/remediation). Same scenarios, same writer as the GUI wizard.
#include "app/cli/commands.h"

#include "model/core/remediation/parameterkinds.h"
#include "model/core/remediation/powershellwriter.h"
#include "model/core/remediation/scenario.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace mwb::cli {

namespace {

using namespace mwb::remediation;

const char kScenariosUsage[] = "usage: mwb scenarios [--json]\n";
const char kRemediateUsage[] =
    "usage: mwb remediate SCENARIO [--param NAME=VALUE]... [--answer STEP=yes|no|unknown]...\n"
    "                      [--from-analysis FILE.json] [--out FILE.ps1] [--apply]\n"
    "  --param          a scenario parameter (see `mwb scenarios`); repeatable\n"
    "  --answer         the answer of a check step; unanswered steps count as unknown\n"
    "  --from-analysis  take parameters and evidence from the first finding of `mwb analyze --json`\n"
    "                   output whose scenario matches\n"
    "  --out            write the script to FILE.ps1 (UTF-8 with BOM, CRLF) instead of standard output\n"
    "  --apply          leave -WhatIf off the changing commands; refused (exit 2) while a step that\n"
    "                   decides about a changing command is unanswered; destructive changes are\n"
    "                   applied only on a definite yes/no, never on unknown\n";

QString scenarioIds()
{
    QStringList ids;
    for (const Scenario &s : builtInScenarios())
        ids << s.id;
    return ids.join(QStringLiteral(", "));
}

struct AnalysisInput {
    QMap<QString, QString> parameters;
    QStringList evidence;
};

// Reads the analysis JSON. Returns an error message (exit 3 for unreadable, 2 for no match).
Result<AnalysisInput> readAnalysis(const QString &path, const Scenario &scenario, QTextStream &err)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<AnalysisInput>::fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()), 3);
    if (file.size() > 512 * 1024 * 1024)
        return Result<AnalysisInput>::fail(QStringLiteral("%1 is too large").arg(path), 3);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Result<AnalysisInput>::fail(QStringLiteral("%1 is not analysis JSON: %2").arg(path, pe.errorString()), 3);
    for (const QJsonValue &fv : doc.object().value(u"findings").toArray()) {
        const QJsonObject finding = fv.toObject();
        if (finding.value(u"scenario").toString() != scenario.id)
            continue;
        AnalysisInput in;
        QMap<QString, QString> raw;
        const QJsonObject params = finding.value(u"parameters").toObject();
        for (auto it = params.begin(); it != params.end(); ++it) {
            const QJsonValue v = it.value();
            raw.insert(it.key(), v.isString() ? v.toString() : v.toVariant().toString());
        }
        // Exact names and the scenario's aliases (e.g. the finding's Connector becomes
        // ReceiveConnector); what has no place in the scenario is kept as evidence.
        const MappedParameters mapped = mapFindingParameters(scenario, raw);
        in.parameters = mapped.parameters;
        for (const QString &unused : mapped.unused) {
            err << "mwb remediate: note: the finding's parameter " << printableExcerpt(unused, 80)
                << " is not a parameter of scenario " << scenario.id << " (kept as evidence)\n";
        }
        in.evidence << QStringLiteral("finding %1 (%2): %3")
                           .arg(finding.value(u"rule").toString(), finding.value(u"severity").toString(),
                                finding.value(u"title").toString());
        QStringList codes;
        for (const QJsonValue &c : finding.value(u"codes").toArray())
            codes << c.toString();
        if (!codes.isEmpty())
            in.evidence << QStringLiteral("codes: %1").arg(codes.join(QStringLiteral(", ")));
        if (finding.contains(u"first"))
            in.evidence << QStringLiteral("seen %1 .. %2").arg(finding.value(u"first").toString(), finding.value(u"last").toString());
        for (const QJsonValue &ev : finding.value(u"evidence").toArray()) {
            const QJsonObject e = ev.toObject();
            in.evidence << QStringLiteral("%1:%2").arg(e.value(u"file").toString()).arg(e.value(u"line").toInt());
        }
        for (const QString &unused : mapped.unused)
            in.evidence << QStringLiteral("finding parameter %1").arg(unused);
        in.evidence.prepend(QStringLiteral("analysis %1").arg(path));
        return in;
    }
    return Result<AnalysisInput>::fail(QStringLiteral("no finding in %1 has scenario '%2'").arg(path, scenario.id), 2);
}

} // namespace

int runScenarios(const QStringList &args, Io io)
{
    bool json = false;
    for (const QString &a : args) {
        if (a == u"--json")
            json = true;
        else
            return usageError(io, QStringLiteral("scenarios"), QStringLiteral("unknown argument '%1'").arg(a),
                              QString::fromLatin1(kScenariosUsage));
    }
    for (const QString &e : builtInScenarioErrors())
        io.err << "mwb scenarios: a scenario definition is broken: " << e << "\n";
    if (json) {
        QJsonArray list;
        for (const Scenario &s : builtInScenarios()) {
            QJsonArray params;
            for (const ParameterSpec &p : s.parameters) {
                QJsonObject po{{QStringLiteral("name"), p.name},
                               {QStringLiteral("kind"), p.kind},
                               {QStringLiteral("required"), p.required},
                               {QStringLiteral("example"), p.example},
                               {QStringLiteral("description"), p.description}};
                if (!p.defaultValue.isEmpty())
                    po.insert(QStringLiteral("default"), p.defaultValue);
                params.append(po);
            }
            QJsonArray steps;
            for (const Step &st : s.steps) {
                // Which changing commands each answer selects, so --answer is scriptable.
                QJsonObject gates;
                const auto gated = changesGatedBy(s, st.id);
                for (auto it = gated.begin(); it != gated.end(); ++it) {
                    QJsonArray commands;
                    for (const GatedChange &g : it.value()) {
                        QJsonObject c{{QStringLiteral("command"), g.command},
                                      {QStringLiteral("why"), g.why},
                                      {QStringLiteral("destructive"), g.destructive}};
                        if (!g.machine.isEmpty())
                            c.insert(QStringLiteral("machine"), g.machine);
                        if (!g.disruption.isEmpty())
                            c.insert(QStringLiteral("disruption"), g.disruption);
                        commands.append(c);
                    }
                    gates.insert(it.key(), commands);
                }
                steps.append(QJsonObject{{QStringLiteral("id"), st.id},
                                         {QStringLiteral("title"), st.title},
                                         {QStringLiteral("question"), st.title},
                                         {QStringLiteral("answers"), QJsonArray{QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("unknown")}},
                                         {QStringLiteral("gates"), gates}});
            }
            QJsonArray machines;
            for (const MachineSpec &m : s.machines)
                machines.append(QJsonObject{{QStringLiteral("parameter"), m.parameter}, {QStringLiteral("role"), m.role}});
            list.append(QJsonObject{{QStringLiteral("id"), s.id},
                                    {QStringLiteral("title"), s.title},
                                    {QStringLiteral("summary"), s.summary},
                                    {QStringLiteral("symptoms"), QJsonArray::fromStringList(s.symptoms)},
                                    {QStringLiteral("parameters"), params},
                                    {QStringLiteral("machines"), machines},
                                    {QStringLiteral("references"), QJsonArray::fromStringList(s.references)},
                                    {QStringLiteral("steps"), steps}});
        }
        const QJsonObject root{{QStringLiteral("tool"), QStringLiteral("mwb")},
                               {QStringLiteral("version"), QStringLiteral(MWB_VERSION)},
                               {QStringLiteral("scenarios"), list}};
        io.out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const Scenario &s : builtInScenarios()) {
        io.out << s.id << "  " << s.title << "\n";
        for (const ParameterSpec &p : s.parameters)
            io.out << "    --param " << p.name << "=" << p.example << "  (" << p.kind
                   << (p.required ? QStringLiteral(", required") : QString()) << ")\n";
        for (const Step &st : s.steps)
            io.out << "    --answer " << st.id << "=yes|no|unknown  " << st.title << "\n";
    }
    return 0;
}

int runRemediate(const QStringList &args, Io io)
{
    const QString usage = QString::fromLatin1(kRemediateUsage);
    const QString cmd = QStringLiteral("remediate");
    QString scenarioId, analysisPath, outPath;
    QMap<QString, QString> cliParameters;
    QMap<QString, Answer> answers;
    bool apply = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == u"--apply") {
            apply = true;
        } else if (a == u"--param" || a == u"--answer") {
            QString pair;
            if (!takeOptionValue(args, i, pair))
                return usageError(io, cmd, QStringLiteral("%1 needs NAME=VALUE").arg(a), usage);
            const qsizetype eq = pair.indexOf(u'=');
            if (eq <= 0)
                return usageError(io, cmd, QStringLiteral("%1 '%2' is not NAME=VALUE").arg(a, printableExcerpt(pair)), usage);
            if (a == u"--param") {
                cliParameters.insert(pair.left(eq), pair.mid(eq + 1));
            } else {
                const Answer ans = answerFromName(pair.mid(eq + 1));
                if (ans == Answer::None)
                    return usageError(io, cmd, QStringLiteral("--answer %1: the answer must be yes, no or unknown").arg(printableExcerpt(pair)), usage);
                answers.insert(pair.left(eq), ans);
            }
        } else if (a == u"--from-analysis") {
            if (!takeOptionValue(args, i, analysisPath))
                return usageError(io, cmd, QStringLiteral("--from-analysis needs a file"), usage);
        } else if (a == u"--out") {
            if (!takeOptionValue(args, i, outPath))
                return usageError(io, cmd, QStringLiteral("--out needs a file"), usage);
        } else if (a.startsWith(u'-')) {
            return usageError(io, cmd, QStringLiteral("unknown option '%1'").arg(printableExcerpt(a)), usage);
        } else if (scenarioId.isEmpty()) {
            scenarioId = a;
        } else {
            return usageError(io, cmd, QStringLiteral("only one scenario at a time ('%1' is extra)").arg(printableExcerpt(a)), usage);
        }
    }
    if (scenarioId.isEmpty())
        return usageError(io, cmd, QStringLiteral("a scenario is required (one of: %1)").arg(scenarioIds()), usage);
    const Scenario *scenario = findScenario(scenarioId);
    if (!scenario)
        return usageError(io, cmd, QStringLiteral("unknown scenario '%1' (one of: %2)").arg(printableExcerpt(scenarioId), scenarioIds()), usage);
    for (auto it = answers.begin(); it != answers.end(); ++it)
        if (!scenario->step(it.key()))
            return usageError(io, cmd, QStringLiteral("scenario %1 has no step '%2'").arg(scenario->id, printableExcerpt(it.key())), usage);

    ScriptRequest request;
    request.apply = apply;
    request.answers = answers;
    if (!analysisPath.isEmpty()) {
        auto analysis = readAnalysis(analysisPath, *scenario, io.err);
        if (!analysis.ok()) {
            io.err << "mwb remediate: " << analysis.errorMessage() << "\n";
            return analysis.error().code;
        }
        request.parameters = analysis->parameters;
        request.evidence = analysis->evidence;
    }
    for (auto it = cliParameters.begin(); it != cliParameters.end(); ++it)
        request.parameters.insert(it.key(), it.value());  // the command line wins over the analysis

    const auto script = writeScript(*scenario, request);
    if (!script.ok()) {
        io.err << "mwb remediate: " << script.errorMessage() << "\n";
        return 2;
    }
    if (apply) {
        // Destructive changes whose step was answered "unknown" are written as comments only.
        const qsizetype held = script.value().count(QStringLiteral("# Not applied: "));
        if (held > 0)
            io.err << "mwb remediate: note: " << held << " destructive change" << (held == 1 ? "" : "s")
                   << " not applied because a step deciding about it was answered unknown (see '# Not applied:' in the script)\n";
    }
    if (outPath.isEmpty()) {
        io.out << script.value();
        return 0;
    }
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(scriptFileBytes(script.value())) < 0 || !file.commit()) {
        io.err << "mwb remediate: cannot write " << outPath << ": " << file.errorString() << "\n";
        return 3;
    }
    io.err << "mwb remediate: wrote " << outPath << "\n";
    return 0;
}

} // namespace mwb::cli
