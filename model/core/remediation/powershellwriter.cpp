#include "model/core/remediation/powershellwriter.h"

#include "model/core/remediation/parameterkinds.h"

#include <QRegularExpression>
#include <QSet>

namespace mwb::remediation {

namespace {

bool isPowerShellSingleQuote(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\'' || u == 0x2018 || u == 0x2019 || u == 0x201A || u == 0x201B;
}

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{([A-Za-z][A-Za-z0-9]*)\\}\\}"));
    return re;
}

bool entryApplies(const ScriptEntry &entry, const ScriptRequest &request, const QMap<QString, QStringList> &values)
{
    for (const QString &condition : entry.when)
        if (!conditionHolds(condition, request.answers))
            return false;
    for (const QString &name : entry.ifMissing)
        if (values.contains(name))
            return false;
    return true;
}

const QString kSwitchesMarker = QStringLiteral("<#switches#>");

QString rule(const QString &title)
{
    QString line = QStringLiteral("# --- %1 ").arg(title);
    while (line.size() < 78)
        line += u'-';
    return line;
}

} // namespace

QString powerShellLiteral(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'\'';
    for (QChar c : text) {
        out += c;
        if (isPowerShellSingleQuote(c))
            out += c;  // doubled: PowerShell reads two quote characters as one literal quote
    }
    out += u'\'';
    return out;
}

QString powerShellCommentText(const QString &text, int maxChars)
{
    QString out;
    for (QChar c : text) {
        if (out.size() >= maxChars) {
            out += QStringLiteral("…");
            break;
        }
        if (c.category() == QChar::Other_Control || c == QChar(0x2028) || c == QChar(0x2029))
            out += u' ';
        else
            out += c;
    }
    return out;
}

Result<QMap<QString, QStringList>> validateParameters(const Scenario &scenario, const QMap<QString, QString> &parameters)
{
    QMap<QString, QStringList> values;
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        const ParameterSpec *spec = scenario.parameter(it.key());
        if (!spec) {
            QStringList names;
            for (const ParameterSpec &p : scenario.parameters)
                names << p.name;
            return Result<QMap<QString, QStringList>>::fail(
                QStringLiteral("scenario '%1' has no parameter '%2' (it has: %3)")
                    .arg(scenario.id, printableExcerpt(it.key(), 40), names.join(QStringLiteral(", "))));
        }
        auto checked = validateParameterValue(spec->kind, it.value());
        if (!checked.ok())
            return Result<QMap<QString, QStringList>>::fail(
                QStringLiteral("parameter %1: %2").arg(spec->name, checked.errorMessage()));
        values.insert(spec->name, checked.value());
    }
    for (const ParameterSpec &spec : scenario.parameters) {
        if (!values.contains(spec.name) && !spec.defaultValue.isEmpty()) {
            auto fallback = validateParameterValue(spec.kind, spec.defaultValue);
            if (fallback.ok())
                values.insert(spec.name, fallback.value());
        }
    }
    for (const ParameterSpec &spec : scenario.parameters)
        if (spec.required && !values.contains(spec.name))
            return Result<QMap<QString, QStringList>>::fail(
                QStringLiteral("parameter %1 is required (%2, e.g. %3)")
                    .arg(spec.name, parameterKindInfo(spec.kind).description, spec.example));
    return values;
}

namespace {

// One place turns a value list into script text: comma-joined single-quoted literals.
QString literalList(const QStringList &values)
{
    QStringList literals;
    for (const QString &v : values)
        literals << powerShellLiteral(v);
    return literals.join(u',');
}

// Replaces every {{name}} of a template with what expand(name) gives; the first failure wins.
template <typename Expand>
Result<QString> expandPlaceholders(const QString &templ, Expand expand)
{
    QString out;
    qsizetype last = 0;
    auto it = placeholderPattern().globalMatch(templ);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(templ).mid(last, m.capturedStart() - last);
        const Result<QString> text = expand(m.captured(1));
        if (!text.ok())
            return text;
        out += text.value();
        last = m.capturedEnd();
    }
    out += QStringView(templ).mid(last);
    return out;
}

} // namespace

Result<QString> renderTemplate(const QString &templ, const QMap<QString, QStringList> &values)
{
    return expandPlaceholders(templ, [&values](const QString &name) -> Result<QString> {
        if (!values.contains(name))
            return Result<QString>::fail(name);
        return literalList(values.value(name));
    });
}

QString renderCommandForDisplay(const QString &templ, const Scenario &scenario, const QMap<QString, QString> &parameters)
{
    // Never fails: a value that is missing or invalid shows as <Name>.
    return expandPlaceholders(templ, [&](const QString &name) -> Result<QString> {
        const ParameterSpec *spec = scenario.parameter(name);
        Result<QStringList> checked = Result<QStringList>::fail(QString());
        if (spec && parameters.contains(name))
            checked = validateParameterValue(spec->kind, parameters.value(name));
        else if (spec && !spec->defaultValue.isEmpty())
            checked = validateParameterValue(spec->kind, spec->defaultValue);
        if (checked.ok())
            return literalList(checked.value());
        return QStringLiteral("<%1>").arg(name);
    }).value();
}

namespace {

QString machineOf(const Scenario &scenario, const ScriptEntry &entry)
{
    if (!entry.machine.isEmpty())
        return entry.machine;
    return scenario.machines.isEmpty() ? QString() : scenario.machines.first().parameter;
}

struct ParsedCondition {
    QString step;
    QString text;
};

QList<ParsedCondition> conditionSteps(const ScriptEntry &entry)
{
    QList<ParsedCondition> out;
    static const QRegularExpression re(QStringLiteral("^([A-Za-z0-9-]+)!?="));
    for (const QString &c : entry.when) {
        const auto m = re.match(c);
        if (m.hasMatch())
            out << ParsedCondition{m.captured(1), c};
    }
    return out;
}

// A condition on an answered step that does not hold rules the entry out, whatever the rest.
bool ruledOutByAnswers(const ScriptEntry &entry, const QMap<QString, Answer> &answers)
{
    for (const ParsedCondition &c : conditionSteps(entry)) {
        if (answers.value(c.step, Answer::None) != Answer::None && !conditionHolds(c.text, answers))
            return true;
    }
    return false;
}

// Steps named by a destructive entry that were answered "unknown": it is not applied on those.
QStringList unknownSteps(const ScriptEntry &entry, const QMap<QString, Answer> &answers)
{
    QStringList out;
    for (const ParsedCondition &c : conditionSteps(entry))
        if (answers.value(c.step, Answer::None) == Answer::Unknown && !out.contains(c.step))
            out << c.step;
    return out;
}

QString stepList(const Scenario &scenario, const QStringList &ids)
{
    QStringList parts;
    for (const QString &id : ids) {
        const Step *st = scenario.step(id);
        parts << (st ? QStringLiteral("%1 (%2)").arg(id, st->title) : id);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

QString computerNameOf(const QString &server)
{
    // $env:COMPUTERNAME is the NetBIOS name: the host label, upper-case, cut to 15 characters.
    const qsizetype dot = server.indexOf(u'.');
    return (dot > 0 ? server.left(dot) : server).left(15).toUpper();
}

QStringList unansweredGatingSteps(const Scenario &scenario, const ScriptRequest &request)
{
    QStringList steps;
    for (const ScriptEntry &entry : scenario.changes) {
        if (!entry.isChange() || ruledOutByAnswers(entry, request.answers))
            continue;
        for (const ParsedCondition &c : conditionSteps(entry))
            if (request.answers.value(c.step, Answer::None) == Answer::None && !steps.contains(c.step))
                steps << c.step;
    }
    QStringList ordered;
    for (const Step &st : scenario.steps)
        if (steps.contains(st.id))
            ordered << st.id;
    return ordered;
}

QString applyRefusal(const Scenario &scenario, const ScriptRequest &request)
{
    if (!request.apply)
        return {};
    const QStringList steps = unansweredGatingSteps(scenario, request);
    if (steps.isEmpty())
        return {};
    QStringList flags;
    for (const QString &id : steps)
        flags << QStringLiteral("--answer %1=yes|no|unknown").arg(id);
    return QStringLiteral("refusing to apply scenario %1: %2 unanswered step%3 decide%4 about changing commands: %5. "
                          "Answer %6 (%7), or generate a dry run without --apply.")
        .arg(scenario.id)
        .arg(steps.size())
        .arg(steps.size() == 1 ? QString() : QStringLiteral("s"))
        .arg(steps.size() == 1 ? QStringLiteral("s") : QString())
        .arg(stepList(scenario, steps), steps.size() == 1 ? QStringLiteral("it") : QStringLiteral("them"),
             flags.join(u' '));
}

Result<QString> writeScript(const Scenario &scenario, const ScriptRequest &request)
{
    auto validated = validateParameters(scenario, request.parameters);
    if (!validated.ok())
        return Result<QString>::fail(validated.errorMessage());
    const QMap<QString, QStringList> &values = validated.value();
    if (const QString refusal = applyRefusal(scenario, request); !refusal.isEmpty())
        return Result<QString>::fail(refusal);
    const QDateTime when = request.generatedAt.isValid() ? request.generatedAt.toUTC()
                                                         : QDateTime::currentDateTimeUtc();

    // The machines, each with the computer name its guard compares against.
    struct Machine {
        QString parameter, role, value, computer;
    };
    QList<Machine> machines;
    for (const MachineSpec &m : scenario.machines) {
        const QString value = values.value(m.parameter).value(0);
        machines << Machine{m.parameter, m.role, value, computerNameOf(value)};
    }

    QStringList lines;
    lines << QStringLiteral("# Mailflow Workbench remediation script")
          << QStringLiteral("# Scenario  : %1 - %2").arg(scenario.id, powerShellCommentText(scenario.title))
          << QStringLiteral("# Generated : %1 by mwb %2").arg(when.toString(Qt::ISODate), QStringLiteral(MWB_VERSION));
    if (!scenario.runOn.isEmpty())
        lines << QStringLiteral("# Run in    : %1").arg(powerShellCommentText(scenario.runOn));
    for (int i = 0; i < machines.size(); ++i)
        lines << QStringLiteral("# Machine   : %1 (%2)%3")
                     .arg(machines.at(i).computer, powerShellCommentText(machines.at(i).role),
                          machines.size() > 1 ? QStringLiteral(", part %1 of %2").arg(i + 1).arg(machines.size()) : QString());
    lines << (request.apply
                  ? QStringLiteral("# Mode      : APPLY - the changes below run for real")
                  : QStringLiteral("# Mode      : DRY RUN - changing commands carry -WhatIf and change nothing"));
    if (request.evidence.isEmpty()) {
        lines << QStringLiteral("# Evidence  : none given");
    } else {
        lines << QStringLiteral("# Evidence  :");
        const int shown = qMin<int>(request.evidence.size(), 20);
        for (int i = 0; i < shown; ++i)
            lines << QStringLiteral("#   - %1").arg(powerShellCommentText(request.evidence.at(i)));
        if (request.evidence.size() > shown)
            lines << QStringLiteral("#   - … and %1 more").arg(request.evidence.size() - shown);
    }
    if (!values.isEmpty()) {
        lines << QStringLiteral("# Parameters:");
        for (auto it = values.begin(); it != values.end(); ++it) {
            QStringList literals;
            for (const QString &v : it.value())
                literals << powerShellLiteral(v);
            lines << QStringLiteral("#   %1 = %2").arg(it.key(), powerShellCommentText(literals.join(u','), 300));
        }
    }
    bool anyAnswer = false;
    for (const Step &step : scenario.steps) {
        const Answer a = request.answers.value(step.id, Answer::None);
        if (a == Answer::None)
            continue;
        if (!anyAnswer)
            lines << QStringLiteral("# Answers   :");
        anyAnswer = true;
        lines << QStringLiteral("#   %1 %2").arg(powerShellCommentText(step.title), answerName(a).toUpper());
    }
    if (!anyAnswer)
        lines << QStringLiteral("# Answers   : none (every fix that may be needed is included)");
    const bool online = scenario.exchange == u"online";
    if (online)
        lines << QStringLiteral("# pscheck: exchange=online")
              << QStringLiteral("# How to run: in Exchange Online PowerShell after Connect-ExchangeOnline, or save as a .ps1 file.");
    else
        lines << QStringLiteral("# How to run: paste into the Exchange Management Shell (elevated), or save as a .ps1 file.");
    lines
          << QStringLiteral("#   A downloaded or mailed copy carries the Mark of the Web: Unblock-File -Path .\\<file>.ps1")
          << QStringLiteral("#   If scripts are blocked: Set-ExecutionPolicy -Scope Process -ExecutionPolicy RemoteSigned")
          << QStringLiteral("#   (this window only), then .\\<file>.ps1. Read it first; the first error stops it.")
          << QString()
          << QStringLiteral("$ErrorActionPreference = 'Stop'");

    // The machine guard (the organization guard for Exchange Online).
    if (online) {
        const QString domain = values.value(scenario.tenant).value(0);
        lines << QStringLiteral("# Organization guard: this script changes the Exchange Online organization with the accepted domain %1.").arg(domain)
              << QStringLiteral("if (-not (Get-Command -Name Get-ConnectionInformation -ErrorAction SilentlyContinue) -or -not (Get-ConnectionInformation)) "
                                "{ throw 'Not connected to Exchange Online: run Connect-ExchangeOnline first (module ExchangeOnlineManagement).' }")
              << QStringLiteral("if (-not (Get-AcceptedDomain | Where-Object { \"$($_.DomainName)\" -eq %1 })) { throw %2 }")
                     .arg(powerShellLiteral(domain),
                          powerShellLiteral(QStringLiteral("This script is for the organization with the accepted domain %1; the connected organization does not have it.").arg(domain)));
    } else if (machines.size() == 1) {
        const Machine &m = machines.first();
        lines << QStringLiteral("# Machine guard: this script is for %1 (%2) and stops on any other machine.").arg(m.computer, powerShellCommentText(m.role))
              << QStringLiteral("if ($env:COMPUTERNAME -ne %1) { throw (%2 + $env:COMPUTERNAME + '.') }")
                     .arg(powerShellLiteral(m.computer),
                          powerShellLiteral(QStringLiteral("This script changes %1 (%2): run it on %1 itself. This machine is ")
                                                .arg(m.computer, m.role)));
    } else if (machines.size() > 1) {
        QStringList names, literals;
        for (const Machine &m : machines) {
            if (!names.contains(m.computer)) {
                names << m.computer;
                literals << powerShellLiteral(m.computer);
            }
        }
        lines << QStringLiteral("# Machine guard: %1 parts, one per machine, in this order; each part runs only on its machine:").arg(machines.size());
        for (int i = 0; i < machines.size(); ++i)
            lines << QStringLiteral("#   part %1 on %2 (%3)").arg(i + 1).arg(machines.at(i).computer, powerShellCommentText(machines.at(i).role));
        lines << QStringLiteral("if (@(%1) -notcontains $env:COMPUTERNAME) { throw (%2 + $env:COMPUTERNAME + '.') }")
                     .arg(literals.join(QStringLiteral(", ")),
                          powerShellLiteral(QStringLiteral("This script changes %1 only: run each part on its machine. This machine is ")
                                                .arg(names.join(QStringLiteral(" and ")))));
    }
    lines << QString();

    QSet<QString> emittedIds;
    // Ids of the changes that will be emitted (for `after`), computed before writing.
    for (const ScriptEntry &entry : scenario.changes) {
        if (entry.id.isEmpty() || !entry.isChange() || !entryApplies(entry, request, values))
            continue;
        if (request.apply && entry.destructive && !unknownSteps(entry, request.answers).isEmpty())
            continue;
        if (!renderTemplate(entry.command, values).ok())
            continue;
        if (!entry.skipIfParameter.isEmpty()) {
            const QRegularExpression skip(entry.skipIfPattern);
            bool matched = false;
            for (const QString &v : values.value(entry.skipIfParameter))
                matched = matched || skip.match(v).hasMatch();
            if (matched)
                continue;
        }
        emittedIds.insert(entry.id);
    }
    auto afterHolds = [&](const ScriptEntry &entry) {
        if (entry.after.isEmpty())
            return true;
        for (const QString &id : entry.after)
            if (emittedIds.contains(id))
                return true;
        return false;
    };

    auto emitSection = [&](QStringList &out, const QString &title, const QList<ScriptEntry> &entries, bool changes,
                           const QString &machine) {
        out << rule(title);
        int emitted = 0;
        for (const ScriptEntry &entry : entries) {
            if (machineOf(scenario, entry) != machine && !machines.isEmpty())
                continue;
            if (!entryApplies(entry, request, values) || !afterHolds(entry))
                continue;
            ++emitted;
            QString why = QStringLiteral("# %1").arg(entry.why);
            if (!entry.runOn.isEmpty() && machines.size() != 1)
                why += QStringLiteral(" [run on the %1]").arg(entry.runOn);
            out << why;
            for (const QString &url : entry.references)
                out << QStringLiteral("#   reference: %1").arg(url);
            if (entry.command.isEmpty()) {
                out << QString();
                continue;  // a note: the comment is the content
            }
            if (changes && request.apply && entry.destructive) {
                const QStringList unknown = unknownSteps(entry, request.answers);
                if (!unknown.isEmpty()) {
                    out << QStringLiteral("# Not applied: this change is destructive and needs a definite yes or no to %1 (answered unknown).")
                               .arg(unknown.join(QStringLiteral(", ")))
                        << QString();
                    continue;
                }
            }
            if (!entry.skipIfParameter.isEmpty()) {
                const QRegularExpression skip(entry.skipIfPattern);
                bool matched = false;
                for (const QString &v : values.value(entry.skipIfParameter))
                    matched = matched || skip.match(v).hasMatch();
                if (matched) {
                    out << QStringLiteral("# Not generated: %1").arg(entry.skipIfNote) << QString();
                    continue;
                }
            }
            auto rendered = renderTemplate(entry.command, values);
            if (!rendered.ok()) {
                out << QStringLiteral("# Skipped: needs parameter %1 (%2)")
                           .arg(rendered.errorMessage(),
                                parameterKindInfo(scenario.parameter(rendered.errorMessage())->kind).description)
                    << QString();
                continue;
            }
            if (changes && !entry.disruption.isEmpty())
                out << QStringLiteral("# DISRUPTIVE: %1").arg(entry.disruption);
            QString command = rendered.value();
            if (changes) {
                // -WhatIf / -Confirm:$false go where the template marks them (<#switches#>, e.g.
                // inside an if block), else at the end of the command.
                QString switches;
                if (!request.apply && entry.supportsWhatIf)
                    switches += QStringLiteral(" -WhatIf");
                if (request.apply && entry.confirm)
                    switches += QStringLiteral(" -Confirm:$false");
                if (command.contains(kSwitchesMarker))
                    command.replace(kSwitchesMarker, switches);
                else
                    command += switches;
                if (!request.apply && !entry.supportsWhatIf) {
                    out << QStringLiteral("# Dry run: this command has no -WhatIf, so it is commented out; remove the '# ' to run it.");
                    const QStringList commandLines = command.split(u'\n');
                    for (const QString &l : commandLines)
                        out << QStringLiteral("# ") + l;
                    out << QString();
                    continue;
                }
            }
            command.remove(kSwitchesMarker);
            out << command.split(u'\n') << QString();
        }
        if (emitted == 0)
            out << (changes ? QStringLiteral("# No change is needed for the answers given.")
                            : QStringLiteral("# Nothing to run in this part.")) << QString();
    };
    auto emitPart = [&](QStringList &out, const QString &machine) {
        emitSection(out, QStringLiteral("1. Read-only checks (change nothing)"), scenario.checks, false, machine);
        emitSection(out, request.apply ? QStringLiteral("2. Changes") : QStringLiteral("2. Changes (dry run: -WhatIf)"),
                    scenario.changes, true, machine);
        if (!scenario.verify.isEmpty())
            emitSection(out, QStringLiteral("3. Verify (read-only)"), scenario.verify, false, machine);
        while (!out.isEmpty() && out.last().isEmpty())
            out.removeLast();
    };
    if (machines.size() <= 1) {
        emitPart(lines, machines.isEmpty() ? QString() : machines.first().parameter);
    } else {
        for (int i = 0; i < machines.size(); ++i) {
            const Machine &m = machines.at(i);
            QString banner = QStringLiteral("# === Part %1 of %2: on %3 (%4) ").arg(i + 1).arg(machines.size()).arg(m.computer, powerShellCommentText(m.role));
            while (banner.size() < 78)
                banner += u'=';
            lines << banner << QStringLiteral("if ($env:COMPUTERNAME -eq %1) {").arg(powerShellLiteral(m.computer));
            QStringList part;
            emitPart(part, m.parameter);
            for (const QString &l : std::as_const(part))
                lines << (l.isEmpty() ? l : QStringLiteral("    ") + l);
            lines << QStringLiteral("}") << QString();
        }
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(u'\n') + u'\n';
}

QByteArray scriptFileBytes(const QString &script)
{
    QString text = script;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\n', QStringLiteral("\r\n"));
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace mwb::remediation
