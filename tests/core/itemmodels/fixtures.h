#pragma once
// Sessions built by hand for the model tests (no loader involved).
#include "model/core/sessions/types.h"

#include <QDateTime>

namespace fixtures {

inline qint64 at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

inline mwb::Session session(int index, const QString &server, const QString &remote, const QString &lastReply,
                            mwb::SessionOutcome outcome, qint64 startMs, bool tls = false)
{
    mwb::Session s;
    s.index = index;
    s.id = QStringLiteral("08DC1A2B3C4D%1").arg(index, 4, 16, QLatin1Char('0')).toUpper();
    s.server = server;
    s.connector = server + QStringLiteral("\\Default Frontend ") + server;
    s.direction = mwb::Direction::Receive;
    s.local = QStringLiteral("10.0.0.5:25");
    s.remote = remote;
    s.startMs = startMs;
    s.endMs = startMs + 1500;
    s.ehlo = QStringLiteral("mail%1.fabrikam.com").arg(index);
    s.tls = tls;
    s.mailFrom = QStringLiteral("user%1@fabrikam.com").arg(index);
    s.recipients = {QStringLiteral("alice@contoso.com")};
    s.messageIds = {QStringLiteral("<msg%1@fabrikam.com>").arg(index)};
    s.lastReply = lastReply;
    s.outcome = outcome;
    return s;
}

inline QList<mwb::Session> sample()
{
    using O = mwb::SessionOutcome;
    const qint64 t0 = at("2026-11-20T08:00:00.000Z");
    QList<mwb::Session> list{
        session(0, QStringLiteral("EX01"), QStringLiteral("203.0.113.9:51234"), QStringLiteral("250 2.6.0 <msg0@fabrikam.com> Queued mail for delivery"), O::Delivered, t0, true),
        session(1, QStringLiteral("EX01"), QStringLiteral("203.0.113.10:40000"), QStringLiteral("451 4.4.317 Cannot connect to remote server"), O::Deferred, t0 + 60'000),
        session(2, QStringLiteral("EX02"), QStringLiteral("10.1.2.3:25"), QStringLiteral("550 5.7.1 Service unavailable; client host blocked using Spamhaus"), O::Rejected, t0 + 120'000),
        session(3, QStringLiteral("EX02"), QStringLiteral("[2001:db8::5]:25"), QStringLiteral("530 5.7.3 STARTTLS is required"), O::Rejected, t0 + 180'000, true),
        session(4, QStringLiteral("EDGE01"), QStringLiteral("198.51.100.7:1234"), QStringLiteral("221 2.0.0 Service closing transmission channel"), O::NoMail, t0 + 240'000),
    };
    list[4].direction = mwb::Direction::Send;
    list[4].connector = QStringLiteral("Outbound to Office 365");
    return list;
}

} // namespace fixtures
