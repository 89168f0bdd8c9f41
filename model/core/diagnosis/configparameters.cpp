#include "model/core/diagnosis/configparameters.h"

#include "model/core/configuration/connectortls.h"
#include "model/core/configuration/routing.h"

namespace mwb {

namespace {

// Sets `name` to the configuration's `value`; when the finding had another value from the logs,
// the note says which one the configuration replaced.
void setFromConfiguration(QMap<QString, QString> &p, const QString &name, const QString &value, QStringList &notes)
{
    if (value.isEmpty())
        return;
    const QString before = p.value(name);
    if (!before.isEmpty() && before != value)
        notes << QStringLiteral("%1: the logs say '%2', the configuration '%3' (used)").arg(name, before, value);
    p.insert(name, value);
}

QString tlsCertificateNameOf(const config::Certificate &k)
{
    return QStringLiteral("<I>%1<S>%2").arg(k.issuer, k.subject);
}

} // namespace

void fillParametersFromConfiguration(QMap<QString, QString> &p, const QString &scenario, const config::Configuration &c, const QDateTime &now)
{
    if (c.isEmpty())
        return;
    const bool certificate = scenario == QLatin1String("certificate-smtp");
    QStringList notes;
    const QString server = p.value(QStringLiteral("Server"));
    const QString receiveId = !p.value(QStringLiteral("ReceiveConnector")).isEmpty() ? p.value(QStringLiteral("ReceiveConnector"))
                                                                                     : p.value(QStringLiteral("Connector"));
    const QString sendId = !p.value(QStringLiteral("SendConnector")).isEmpty() ? p.value(QStringLiteral("SendConnector"))
                                                                               : p.value(QStringLiteral("Connector"));
    QString fqdn;
    if (receiveId.contains(u'\\')) {
        if (const config::ReceiveConnector *rc = config::receiveConnectorNamed(c, server.isEmpty() ? receiveId.section(u'\\', 0, 0) : server, receiveId)) {
            setFromConfiguration(p, QStringLiteral("ReceiveConnector"), rc->identity, notes);
            if (p.value(QStringLiteral("Connector")) != rc->identity && !p.value(QStringLiteral("Connector")).isEmpty())
                notes << QStringLiteral("Connector: the logs say '%1', the configuration's identity is '%2' (used)").arg(p.value(QStringLiteral("Connector")), rc->identity);
            fqdn = rc->fqdn;
            const bool relayScenario = scenario == QLatin1String("relay-connector") || scenario == QLatin1String("exchange-auth");
            if (relayScenario && !rc->isDefault()) {
                setFromConfiguration(p, QStringLiteral("RelayConnector"), rc->identity, notes);
                if (scenario == QLatin1String("relay-connector"))
                    setFromConfiguration(p, QStringLiteral("RelayConnectorName"), rc->name, notes);
            }
        }
    } else if (const config::SendConnector *sc = config::sendConnectorNamed(c, sendId)) {
        setFromConfiguration(p, QStringLiteral("SendConnector"), sc->name, notes);
        if (p.value(QStringLiteral("Connector")) != sc->name && !p.value(QStringLiteral("Connector")).isEmpty())
            notes << QStringLiteral("Connector: the logs say '%1', the configuration's name is '%2' (used)").arg(p.value(QStringLiteral("Connector")), sc->name);
        fqdn = sc->fqdn;
        if (certificate && !sc->tlsDomain.isEmpty() && p.value(QStringLiteral("TlsDomain")).isEmpty())
            p.insert(QStringLiteral("TlsDomain"), sc->tlsDomain);
    }
    if (certificate && !fqdn.isEmpty())
        setFromConfiguration(p, QStringLiteral("Fqdn"), fqdn, notes);
    // The send connector that carries the domain (unreachable queue, smart host routing).
    const QString domain = p.value(QStringLiteral("Domain"));
    if (!domain.isEmpty() && p.value(QStringLiteral("SendConnector")).isEmpty() && !c.sendConnectors.isEmpty()) {
        const config::RouteAnswer route = config::selectSendConnector(c, domain, server, -1, now);
        if (route.found)
            p.insert(QStringLiteral("SendConnector"), route.connector);
    }
    // The certificate the scenario enables, as connectors name it.
    const QString thumbprint = p.value(QStringLiteral("CertificateThumbprint"));
    if (certificate && !thumbprint.isEmpty()) {
        for (const config::Certificate &k : c.certificates) {
            if (k.thumbprint.compare(thumbprint, Qt::CaseInsensitive) != 0)
                continue;
            const QString name = tlsCertificateNameOf(k);
            const QString configured = p.value(QStringLiteral("TlsCertificateName"));
            if (!configured.isEmpty() && configured != name)
                p.insert(QStringLiteral("ConfiguredTlsCertificateName"), configured);
            p.insert(QStringLiteral("TlsCertificateName"), name);
            break;
        }
    }
    if (!notes.isEmpty()) {
        const QString before = p.value(QStringLiteral("ConfigurationNote"));
        p.insert(QStringLiteral("ConfigurationNote"), ((before.isEmpty() ? QStringList() : QStringList{before}) + notes).join(QLatin1String("; ")));
    }
}

} // namespace mwb
