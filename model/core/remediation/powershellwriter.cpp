#include "model/core/remediation/powershellwriter.h"

#include "model/core/remediation/parameterkinds.h"

#include <QRegularExpression>

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

Result<QString> writeScript(const Scenario &scenario, const ScriptRequest &request)
{
    auto validated = validateParameters(scenario, request.parameters);
    if (!validated.ok())
        return Result<QString>::fail(validated.errorMessage());
    const QMap<QString, QStringList> &values = validated.value();
    const QDateTime when = request.generatedAt.isValid() ? request.generatedAt.toUTC()
                                                         : QDateTime::currentDateTimeUtc();

    QStringList lines;
    lines << QStringLiteral("# Mailflow Workbench remediation script")
          << QStringLiteral("# Scenario  : %1 - %2").arg(scenario.id, powerShellCommentText(scenario.title))
          << QStringLiteral("# Generated : %1 by mwb %2").arg(when.toString(Qt::ISODate), QStringLiteral(MWB_VERSION));
    if (!scenario.runOn.isEmpty())
        lines << QStringLiteral("# Run in    : %1").arg(powerShellCommentText(scenario.runOn));
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
    lines << QString();

    auto emitSection = [&](const QString &title, const QList<ScriptEntry> &entries, bool changes) {
        lines << rule(title);
        int emitted = 0;
        for (const ScriptEntry &entry : entries) {
            if (!entryApplies(entry, request, values))
                continue;
            ++emitted;
            QString why = QStringLiteral("# %1").arg(entry.why);
            if (!entry.runOn.isEmpty())
                why += QStringLiteral(" [run on the %1]").arg(entry.runOn);
            lines << why;
            if (entry.command.isEmpty()) {
                lines << QString();
                continue;  // a note: the comment is the content
            }
            auto rendered = renderTemplate(entry.command, values);
            if (!rendered.ok()) {
                lines << QStringLiteral("# Skipped: needs parameter %1 (%2)")
                             .arg(rendered.errorMessage(),
                                  parameterKindInfo(scenario.parameter(rendered.errorMessage())->kind).description)
                      << QString();
                continue;
            }
            QString command = rendered.value();
            if (changes) {
                if (!request.apply && entry.supportsWhatIf)
                    command += QStringLiteral(" -WhatIf");
                if (request.apply && entry.confirm)
                    command += QStringLiteral(" -Confirm:$false");
                if (!request.apply && !entry.supportsWhatIf) {
                    lines << QStringLiteral("# Dry run: this command has no -WhatIf, so it is commented out; remove the '# ' to run it.");
                    const QStringList commandLines = command.split(u'\n');
                    for (const QString &l : commandLines)
                        lines << QStringLiteral("# ") + l;
                    lines << QString();
                    continue;
                }
            }
            lines << command.split(u'\n') << QString();
        }
        if (emitted == 0)
            lines << (changes ? QStringLiteral("# No change is needed for the answers given.")
                              : QStringLiteral("# Nothing to run in this part.")) << QString();
    };
    emitSection(QStringLiteral("1. Read-only checks (change nothing)"), scenario.checks, false);
    emitSection(request.apply ? QStringLiteral("2. Changes") : QStringLiteral("2. Changes (dry run: -WhatIf)"),
                scenario.changes, true);
    if (!scenario.verify.isEmpty())
        emitSection(QStringLiteral("3. Verify (read-only)"), scenario.verify, false);
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(u'\n') + u'\n';
}

QByteArray scriptFileBytes(const QString &script)
{
    return QByteArrayLiteral("\xEF\xBB\xBF") + script.toUtf8();
}

} // namespace mwb::remediation
