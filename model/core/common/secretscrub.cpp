#include "model/core/common/secretscrub.h"

#include <QRegularExpression>

namespace mwb {

QString scrubAuthSecrets(const QString &transcript, const QStringList &knownSecrets)
{
    // A client AUTH command (not the "250-AUTH LOGIN" capability line of a server reply).
    static const QRegularExpression authCommand(
        QStringLiteral("(?:^|[\\s:>\\]])AUTH\\s+([A-Za-z0-9_-]+)(?:\\s+(\\S+))?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression replyCode(QStringLiteral("(?:^|[\\s:<>\\]])([1-5]\\d\\d)(?:[ -]|$)"));
    static const QRegularExpression lastToken(QStringLiteral("(\\S+)\\s*$"));

    QStringList lines = transcript.split(QLatin1Char('\n'));
    bool inAuth = false;
    for (QString &line : lines) {
        const QRegularExpressionMatch reply = replyCode.match(line);
        const QRegularExpressionMatch auth = authCommand.match(line);
        const bool isReply = reply.hasMatch() && (!auth.hasMatch() || reply.capturedStart() < auth.capturedStart());
        if (!isReply && auth.hasMatch()) {
            inAuth = true;
            if (auth.capturedLength(2) > 0)
                line.replace(auth.capturedStart(2), auth.capturedLength(2), QStringLiteral("***"));
            continue;
        }
        if (!inAuth)
            continue;
        if (isReply) {
            inAuth = reply.captured(1) == QLatin1String("334");
            continue;
        }
        // A client line inside the AUTH exchange carries credentials (base64 user/password).
        const QRegularExpressionMatch token = lastToken.match(line);
        if (token.hasMatch())
            line.replace(token.capturedStart(1), token.capturedLength(1), QStringLiteral("***"));
    }
    QString out = lines.join(QLatin1Char('\n'));
    for (const QString &secret : knownSecrets) {
        if (secret.isEmpty())
            continue;
        out.replace(secret, QStringLiteral("***"));
        out.replace(QString::fromLatin1(secret.toUtf8().toBase64()), QStringLiteral("***"));
    }
    return out;
}

} // namespace mwb
