#include "model/core/collection/collectionscript.h"

#include "model/core/configuration/configuration.h"
#include "model/core/remediation/parameterkinds.h"
#include "model/core/remediation/powershellwriter.h"

#include <QTimeZone>

namespace mwb::collection {

using remediation::powerShellLiteral;

namespace {

// Every cmdlet and parameter below is on its reference page (checked by pscheck's table, which is
// built from MicrosoftDocs/office-docs-powershell and PowerShell-Docs):
//   Get-TransportService          https://learn.microsoft.com/powershell/module/exchangepowershell/get-transportservice
//   Get-FrontendTransportService  https://learn.microsoft.com/powershell/module/exchangepowershell/get-frontendtransportservice
//   Get-ReceiveConnector -Server  https://learn.microsoft.com/powershell/module/exchangepowershell/get-receiveconnector
//   Get-SendConnector             https://learn.microsoft.com/powershell/module/exchangepowershell/get-sendconnector
//   Get-ExchangeCertificate -Server https://learn.microsoft.com/powershell/module/exchangepowershell/get-exchangecertificate
//   Get-AcceptedDomain            https://learn.microsoft.com/powershell/module/exchangepowershell/get-accepteddomain
//   Get-RemoteDomain              https://learn.microsoft.com/powershell/module/exchangepowershell/get-remotedomain
//   Get-EdgeSubscription          https://learn.microsoft.com/powershell/module/exchangepowershell/get-edgesubscription
//   Get-ExchangeServer            https://learn.microsoft.com/powershell/module/exchangepowershell/get-exchangeserver
//   Get-MessageTraceV2 (10 days per query, at most 5000 results, last 90 days; StartingRecipientAddress
//                      with EndDate continues a partial result)
//                                 https://learn.microsoft.com/powershell/module/exchangepowershell/get-messagetracev2
//   Get-InboundConnector / Get-OutboundConnector, Connect-/Disconnect-ExchangeOnline: same module.
//   ConvertTo-Json -Depth, Compress-Archive, Write-Progress: PowerShell 5.1 reference
//   (https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/convertto-json?view=powershell-5.1,
//    https://learn.microsoft.com/powershell/module/microsoft.powershell.archive/compress-archive?view=powershell-5.1).

const char kServerScript[] = R"PS(# Collect-MailflowEvidence.ps1 - written by Mailflow Workbench {{Version}} (mwb collect-script) at {{Generated}}
# Window (UTC): {{FromText}} to {{ToText}}
#
# READ-ONLY. This script changes nothing in Exchange, Active Directory, services, the registry or
# the firewall. It only runs Get-* cmdlets, reads log folders (locally or over the admin share
# \\SERVER\C$), and writes its own staging folder and one zip beside this script.
#
# Run it in the Exchange Management Shell (Windows PowerShell 5.1) on a Mailbox server, as an
# account that may read the admin share of every transport server:
#     .\Collect-MailflowEvidence.ps1
# Edge Transport servers are not domain-joined and their admin share is usually unreachable: copy
# this script to each Edge server and run it there, in its own Exchange Management Shell.
# Then drop the zip(s) on Mailflow Workbench (or: mwb analyze <zip>; mwb route ... <zip>).
$ErrorActionPreference = 'Stop'

$WindowStart = ([datetimeoffset]{{From}}).UtcDateTime
$WindowEnd = ([datetimeoffset]{{To}}).UtcDateTime
$RequestedServers = @({{Servers}})
$ToolVersion = {{VersionLiteral}}

$Stamp = (Get-Date).ToUniversalTime().ToString('yyyyMMdd-HHmmss')
# The zip goes beside this script (or into the current folder when the text was pasted).
$OutputRoot = $PSScriptRoot
if (-not $OutputRoot) { $OutputRoot = (Get-Location).Path }
$Staging = Join-Path -Path $OutputRoot -ChildPath ('MailflowEvidence-' + $env:COMPUTERNAME + '-' + $Stamp)
$ZipPath = $Staging + '.zip'
$ConfigFolder = Join-Path -Path $Staging -ChildPath 'config'
$LogFolder = Join-Path -Path $Staging -ChildPath 'logs'
$null = New-Item -ItemType Directory -Path $ConfigFolder -Force
$null = New-Item -ItemType Directory -Path $LogFolder -Force

$Manifest = [ordered]@{
    tool = 'mwb collect-script'
    toolVersion = $ToolVersion
    ranBy = $env:USERDOMAIN + '\' + $env:USERNAME
    computer = $env:COMPUTERNAME
    started = (Get-Date).ToUniversalTime().ToString('o')
    finished = $null
    windowStart = $WindowStart.ToString('o')
    windowEnd = $WindowEnd.ToString('o')
    servers = @()
    configuration = @()
}

# Values as JSON can carry them: enums and multi-valued properties as text (in Windows PowerShell 5.1
# ConvertTo-Json writes enums as numbers and expands objects), dates as ISO 8601 UTC.
function ConvertTo-EvidenceValue {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string] -or $Value -is [bool] -or $Value -is [int] -or $Value -is [long]) { return $Value }
    if ($Value -is [datetime]) { return $Value.ToUniversalTime().ToString('o') }
    if ($Value -is [System.Collections.IEnumerable]) { return ,@($Value | ForEach-Object { [string]$_ }) }
    return [string]$Value
}

# The listed properties of each object, converted; `Server` added where the cmdlet has none.
function Select-EvidenceProperty {
    param([object[]]$InputObject, [string[]]$Property, [string]$Server)
    foreach ($item in $InputObject) {
        $row = [ordered]@{}
        if ($Server) { $row['Server'] = $Server }
        foreach ($name in $Property) { $row[$name] = ConvertTo-EvidenceValue $item.$name }
        [pscustomobject]$row
    }
}

function Write-EvidenceJson {
    param([string]$Name, [object[]]$Rows, [string]$Problem)
    $file = Join-Path -Path $ConfigFolder -ChildPath ($Name + '.json')
    ConvertTo-Json -InputObject @($Rows) -Depth 4 | Out-File -LiteralPath $file -Encoding utf8
    $script:Manifest.configuration += [ordered]@{ name = $Name; count = @($Rows).Count; error = $Problem }
}

$ReceiveConnectorProperties = @('Identity', 'Name', 'Server', 'Enabled', 'TransportRole', 'Bindings', 'RemoteIPRanges',
    'AuthMechanism', 'PermissionGroups', 'Fqdn', 'TlsCertificateName', 'RequireTLS', 'MaxMessageSize', 'ProtocolLoggingLevel')
$SendConnectorProperties = @('Identity', 'Name', 'Enabled', 'AddressSpaces', 'SourceTransportServers', 'SmartHosts',
    'DNSRoutingEnabled', 'MaxMessageSize', 'RequireTLS', 'TlsAuthLevel', 'TlsDomain', 'TlsCertificateName', 'Fqdn',
    'Port', 'IsScopedConnector', 'CloudServicesMailEnabled', 'ProtocolLoggingLevel')
$TransportServiceProperties = @('Name', 'ReceiveProtocolLogPath', 'SendProtocolLogPath', 'MessageTrackingLogPath',
    'ConnectivityLogPath', 'ExternalDNSServers', 'InternalDNSServers', 'InternalSMTPServers')
$FrontendServiceProperties = @('Name', 'ReceiveProtocolLogPath', 'SendProtocolLogPath', 'ConnectivityLogPath')
# No private key is ever read: only these public properties of each certificate.
$CertificateProperties = @('Thumbprint', 'Subject', 'Issuer', 'CertificateDomains', 'Services', 'NotBefore', 'NotAfter',
    'Status', 'IsSelfSigned', 'FriendlyName')
$ServerProperties = @('Name', 'Fqdn', 'ServerRole', 'AdminDisplayVersion', 'Edition', 'Site', 'IsEdgeServer')

# Organization-wide configuration.
$OrganizationQueries = [ordered]@{
    'SendConnector' = { Select-EvidenceProperty -InputObject @(Get-SendConnector) -Property $SendConnectorProperties }
    'AcceptedDomain' = { Select-EvidenceProperty -InputObject @(Get-AcceptedDomain) -Property @('Name', 'DomainName', 'DomainType', 'Default') }
    'RemoteDomain' = { Select-EvidenceProperty -InputObject @(Get-RemoteDomain) -Property @('Name', 'DomainName', 'TNEFEnabled', 'CharacterSet', 'ContentType') }
    'EdgeSubscription' = { Select-EvidenceProperty -InputObject @(Get-EdgeSubscription) -Property @('Name', 'Site', 'Domain') }
    'ExchangeServer' = { Select-EvidenceProperty -InputObject @(Get-ExchangeServer) -Property $ServerProperties }
}
foreach ($name in $OrganizationQueries.Keys) {
    Write-Progress -Activity 'Mail flow evidence' -Status ('Configuration: ' + $name)
    try {
        Write-EvidenceJson -Name $name -Rows @(& $OrganizationQueries[$name]) -Problem $null
    } catch {
        Write-Warning ('Configuration ' + $name + ' could not be read: ' + $_.Exception.Message)
        Write-EvidenceJson -Name $name -Rows @() -Problem $_.Exception.Message
    }
}

# The transport servers: the ones asked for, or every one Get-TransportService lists.
if ($RequestedServers.Count -gt 0) {
    $Servers = $RequestedServers
} else {
    $Servers = @(Get-TransportService | ForEach-Object { [string]$_.Name })
}

$ReceiveConnectors = @()
$TransportServices = @()
$FrontendServices = @()
$Certificates = @()
$Index = 0
foreach ($ServerName in $Servers) {
    $Index++
    Write-Progress -Activity 'Mail flow evidence' -Status ('Server ' + $ServerName) -PercentComplete ([int](100 * ($Index - 1) / $Servers.Count))
    $entry = [ordered]@{ name = $ServerName; status = 'ok'; error = $null; files = 0; skipped = @() }
    try {
        $transport = Get-TransportService -Identity $ServerName
        $TransportServices += @(Select-EvidenceProperty -InputObject @($transport) -Property $TransportServiceProperties)
        $ReceiveConnectors += @(Select-EvidenceProperty -InputObject @(Get-ReceiveConnector -Server $ServerName) -Property $ReceiveConnectorProperties)
        try {
            $Certificates += @(Select-EvidenceProperty -InputObject @(Get-ExchangeCertificate -Server $ServerName) -Property $CertificateProperties -Server $ServerName)
        } catch {
            $entry['skipped'] += ('certificates: ' + $_.Exception.Message)
        }
        # Edge Transport servers have no Front End Transport service.
        $frontend = $null
        try { $frontend = Get-FrontendTransportService -Identity $ServerName } catch { $frontend = $null }
        $folders = [ordered]@{
            'Hub\SmtpReceive' = $transport.ReceiveProtocolLogPath
            'Hub\SmtpSend' = $transport.SendProtocolLogPath
            'Hub\MessageTracking' = $transport.MessageTrackingLogPath
            'Hub\Connectivity' = $transport.ConnectivityLogPath
        }
        if ($null -ne $frontend) {
            $FrontendServices += @(Select-EvidenceProperty -InputObject @($frontend) -Property $FrontendServiceProperties)
            $folders['FrontEnd\SmtpReceive'] = $frontend.ReceiveProtocolLogPath
            $folders['FrontEnd\SmtpSend'] = $frontend.SendProtocolLogPath
            $folders['FrontEnd\Connectivity'] = $frontend.ConnectivityLogPath
        }
        $isLocal = ($ServerName -eq $env:COMPUTERNAME) -or ($ServerName -like ($env:COMPUTERNAME + '.*'))
        foreach ($kind in $folders.Keys) {
            $localPath = [string]$folders[$kind]
            if (-not $localPath) { continue }
            if ($isLocal) {
                $source = $localPath
            } else {
                # D:\Logs -> \\SERVER\D$\Logs (the administrative share of the drive)
                $source = '\\' + $ServerName + '\' + $localPath.Substring(0, 1) + '$' + $localPath.Substring(2)
            }
            if (-not (Test-Path -LiteralPath $source)) {
                $entry['skipped'] += ($kind + ': ' + $source + ' not reachable')
                continue
            }
            $target = Join-Path -Path (Join-Path -Path $LogFolder -ChildPath $ServerName) -ChildPath $kind
            $null = New-Item -ItemType Directory -Path $target -Force
            # A log file covers the time from its creation to its last write: copy the ones that overlap the window.
            $files = @(Get-ChildItem -LiteralPath $source -File | Where-Object { $_.LastWriteTimeUtc -ge $WindowStart -and $_.CreationTimeUtc -le $WindowEnd })
            foreach ($file in $files) {
                Write-Progress -Activity 'Mail flow evidence' -Status ('Server ' + $ServerName) -CurrentOperation $file.Name
                Copy-Item -LiteralPath $file.FullName -Destination $target
                $entry['files'] = $entry['files'] + 1
            }
        }
    } catch {
        $entry['status'] = 'failed'
        $entry['error'] = $_.Exception.Message
        Write-Warning ('Server ' + $ServerName + ' skipped: ' + $_.Exception.Message)
    }
    $Manifest.servers += $entry
}

Write-EvidenceJson -Name 'ReceiveConnector' -Rows $ReceiveConnectors -Problem $null
Write-EvidenceJson -Name 'TransportService' -Rows $TransportServices -Problem $null
Write-EvidenceJson -Name 'FrontendTransportService' -Rows $FrontendServices -Problem $null
Write-EvidenceJson -Name 'ExchangeCertificate' -Rows $Certificates -Problem $null

$Manifest.finished = (Get-Date).ToUniversalTime().ToString('o')
ConvertTo-Json -InputObject $Manifest -Depth 5 | Out-File -LiteralPath (Join-Path -Path $Staging -ChildPath 'manifest.json') -Encoding utf8

Write-Progress -Activity 'Mail flow evidence' -Status 'Compressing'
# Compress-Archive in Windows PowerShell 5.1 refuses files over 2 GB; narrow the window if it fails.
Compress-Archive -Path (Join-Path -Path $Staging -ChildPath '*') -DestinationPath $ZipPath -CompressionLevel Optimal
Write-Progress -Activity 'Mail flow evidence' -Completed
Write-Output ('Evidence written to ' + $ZipPath)
Write-Output ('The staging folder ' + $Staging + ' holds the same files; delete it when the zip has been handed over.')
)PS";

const char kOnlineScript[] = R"PS(# Collect-ExchangeOnlineEvidence.ps1 - written by Mailflow Workbench {{Version}} (mwb collect-script --include-exo) at {{Generated}}
# Window (UTC): {{FromText}} to {{ToText}}; Exchange Online keeps message trace data for 90 days.
# pscheck: exchange=online
#
# READ-ONLY. This script changes nothing in Exchange Online: it connects, runs Get-* cmdlets, and
# writes its own staging folder and one zip beside this script.
# Needs the ExchangeOnlineManagement module (3.x) and a role that may run message traces.
$ErrorActionPreference = 'Stop'

$WindowStart = ([datetimeoffset]{{From}}).UtcDateTime
$WindowEnd = ([datetimeoffset]{{To}}).UtcDateTime
$ToolVersion = {{VersionLiteral}}
$Now = (Get-Date).ToUniversalTime()
# Get-MessageTraceV2 searches the last 90 days only (a few minutes' margin for the run itself).
$Oldest = $Now.AddDays(-90).AddMinutes(10)
if ($WindowStart -lt $Oldest) { $WindowStart = $Oldest }
if ($WindowEnd -gt $Now) { $WindowEnd = $Now }
if ($WindowStart -ge $WindowEnd) { Write-Warning 'The window lies outside the last 90 days: Exchange Online has no message trace for it.' }

$Stamp = $Now.ToString('yyyyMMdd-HHmmss')
$OutputRoot = $PSScriptRoot
if (-not $OutputRoot) { $OutputRoot = (Get-Location).Path }
$Staging = Join-Path -Path $OutputRoot -ChildPath ('ExchangeOnlineEvidence-' + $Stamp)
$ZipPath = $Staging + '.zip'
$null = New-Item -ItemType Directory -Path (Join-Path -Path $Staging -ChildPath 'config') -Force
$null = New-Item -ItemType Directory -Path (Join-Path -Path $Staging -ChildPath 'exo') -Force

$Manifest = [ordered]@{
    tool = 'mwb collect-script --include-exo'
    toolVersion = $ToolVersion
    ranBy = $env:USERDOMAIN + '\' + $env:USERNAME
    computer = $env:COMPUTERNAME
    started = $Now.ToString('o')
    finished = $null
    windowStart = $WindowStart.ToString('o')
    windowEnd = $WindowEnd.ToString('o')
    servers = @()
    configuration = @()
    messageTrace = @()
}

Connect-ExchangeOnline -ShowBanner:$false

foreach ($name in @('InboundConnector', 'OutboundConnector')) {
    Write-Progress -Activity 'Exchange Online evidence' -Status ('Configuration: ' + $name)
    try {
        if ($name -eq 'InboundConnector') { $rows = @(Get-InboundConnector) } else { $rows = @(Get-OutboundConnector) }
        ConvertTo-Json -InputObject $rows -Depth 3 | Out-File -LiteralPath (Join-Path -Path (Join-Path -Path $Staging -ChildPath 'config') -ChildPath ($name + '.json')) -Encoding utf8
        $Manifest.configuration += [ordered]@{ name = $name; count = $rows.Count; error = $null }
    } catch {
        $Manifest.configuration += [ordered]@{ name = $name; count = 0; error = $_.Exception.Message }
    }
}

# Get-MessageTraceV2: at most 10 days per query and 5000 rows per call. A full page is continued
# with -StartingRecipientAddress and -EndDate taken from its last row (the reference page's way of
# querying the rest of a partial result).
$Rows = New-Object System.Collections.Generic.List[object]
$SliceStart = $WindowStart
while ($SliceStart -lt $WindowEnd) {
    $SliceEnd = $SliceStart.AddDays(10)
    if ($SliceEnd -gt $WindowEnd) { $SliceEnd = $WindowEnd }
    $PageEnd = $SliceEnd
    $StartingRecipient = $null
    $Pages = 0
    try {
        do {
            $Pages++
            Write-Progress -Activity 'Exchange Online evidence' -Status ('Message trace ' + $SliceStart.ToString('u') + ' - ' + $SliceEnd.ToString('u')) -CurrentOperation ('page ' + $Pages)
            $query = @{ StartDate = $SliceStart; EndDate = $PageEnd; ResultSize = 5000 }
            if ($StartingRecipient) { $query['StartingRecipientAddress'] = $StartingRecipient }
            $page = @(Get-MessageTraceV2 @query)
            foreach ($row in $page) { $Rows.Add($row) }
            if ($page.Count -lt 5000) { break }
            $last = $page[$page.Count - 1]
            $PageEnd = $last.Received
            $StartingRecipient = $last.RecipientAddress
        } while ($true)
        $Manifest.messageTrace += [ordered]@{ start = $SliceStart.ToString('o'); end = $SliceEnd.ToString('o'); pages = $Pages; error = $null }
    } catch {
        $Manifest.messageTrace += [ordered]@{ start = $SliceStart.ToString('o'); end = $SliceEnd.ToString('o'); pages = $Pages; error = $_.Exception.Message }
        Write-Warning ('Message trace ' + $SliceStart.ToString('u') + ' failed: ' + $_.Exception.Message)
    }
    $SliceStart = $SliceEnd
}
$Rows | Export-Csv -LiteralPath (Join-Path -Path (Join-Path -Path $Staging -ChildPath 'exo') -ChildPath 'MessageTraceV2.csv') -NoTypeInformation -Encoding UTF8

Disconnect-ExchangeOnline -Confirm:$false

$Manifest.finished = (Get-Date).ToUniversalTime().ToString('o')
ConvertTo-Json -InputObject $Manifest -Depth 5 | Out-File -LiteralPath (Join-Path -Path $Staging -ChildPath 'manifest.json') -Encoding utf8
Compress-Archive -Path (Join-Path -Path $Staging -ChildPath '*') -DestinationPath $ZipPath -CompressionLevel Optimal
Write-Progress -Activity 'Exchange Online evidence' -Completed
Write-Output ('Evidence written to ' + $ZipPath)
)PS";

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString fill(const char *templ, const CollectionRequest &r, const QStringList &servers)
{
    QString s = QString::fromUtf8(templ);
    QStringList quoted;
    for (const QString &server : servers)
        quoted.append(powerShellLiteral(server));
    const QString version = r.toolVersion.isEmpty() ? QStringLiteral("unknown") : r.toolVersion;
    const QDateTime generated = r.generatedAt.isValid() ? r.generatedAt : QDateTime::currentDateTimeUtc();
    // Comment text: only values we produced ourselves (ISO times, the validated version text).
    s.replace(QStringLiteral("{{Version}}"), remediation::powerShellCommentText(version, 40));
    s.replace(QStringLiteral("{{Generated}}"), isoUtc(generated));
    s.replace(QStringLiteral("{{FromText}}"), isoUtc(r.from));
    s.replace(QStringLiteral("{{ToText}}"), isoUtc(r.to));
    s.replace(QStringLiteral("{{From}}"), powerShellLiteral(isoUtc(r.from)));
    s.replace(QStringLiteral("{{To}}"), powerShellLiteral(isoUtc(r.to)));
    s.replace(QStringLiteral("{{Servers}}"), quoted.join(QStringLiteral(", ")));
    s.replace(QStringLiteral("{{VersionLiteral}}"), powerShellLiteral(version));
    return s;
}

} // namespace

const QStringList &configurationFileNames()
{
    return config::collectionConfigurationNames();   // one list: the loader recognises the same names
}

Result<QDateTime> parseWindowTime(const QString &text)
{
    const QString t = text.trimmed();
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (!dt.isValid()) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (d.isValid())
            dt = QDateTime(d, QTime(0, 0), QTimeZone::utc());
    }
    if (!dt.isValid())
        return Result<QDateTime>::fail(QStringLiteral("'%1' is not a time: give an ISO 8601 date or date-time, e.g. 2026-12-01 or 2026-12-01T08:00:00Z")
                                           .arg(remediation::printableExcerpt(text)));
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeZone(QTimeZone::utc());   // no zone given: UTC, like the logs
    return dt.toUTC();
}

Result<CollectionScripts> writeCollectionScripts(const CollectionRequest &request, bool includeExchangeOnline)
{
    if (!request.from.isValid() || !request.to.isValid())
        return Result<CollectionScripts>::fail(QStringLiteral("the window needs a start and an end"));
    if (request.from >= request.to)
        return Result<CollectionScripts>::fail(QStringLiteral("the window starts (%1) after it ends (%2)")
                                                   .arg(isoUtc(request.from), isoUtc(request.to)));
    QStringList servers;
    for (const QString &raw : request.servers) {
        const Result<QStringList> v = remediation::validateParameterValue(QStringLiteral("server"), raw);
        if (!v.ok())
            return Result<CollectionScripts>::fail(QStringLiteral("--servers: %1").arg(v.errorMessage()));
        for (const QString &name : v.value()) {
            if (!servers.contains(name, Qt::CaseInsensitive))
                servers.append(name);
        }
    }
    CollectionScripts out;
    out.server = fill(kServerScript, request, servers);
    if (includeExchangeOnline)
        out.exchangeOnline = fill(kOnlineScript, request, {});
    return out;
}

} // namespace mwb::collection
