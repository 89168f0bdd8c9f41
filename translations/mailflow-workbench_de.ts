<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+44"/>
        <source>Find out why Exchange mail does not flow, and fix it.</source>
        <translation>Herausfinden, warum Exchange-Mail nicht fließt, und es beheben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load the bundled sample logs.</source>
        <translation>Die mitgelieferten Beispielprotokolle laden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit when loading has finished (smoke tests).</source>
        <translation>Nach dem Laden beenden (Smoke-Tests).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a PNG of the window after loading.</source>
        <translation>Nach dem Laden ein PNG des Fensters speichern.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log files, folders or archives to open.</source>
        <translation>Zu öffnende Protokolldateien, Ordner oder Archive.</translation>
    </message>
    <message>
        <location filename="../model/core/cases/casefile.cpp" line="+97"/>
        <location line="+9"/>
        <location line="+48"/>
        <location line="+29"/>
        <location line="+329"/>
        <location line="+10"/>
        <source>Case file error: %1</source>
        <translation>Fehler in der Falldatei: %1</translation>
    </message>
    <message>
        <location line="-406"/>
        <source>Case file error: PRAGMA %1 returned nothing</source>
        <translation>Fehler in der Falldatei: PRAGMA %1 lieferte nichts</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the table %1 is missing</source>
        <translation>die Tabelle %1 fehlt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the table %1 lacks the column(s) %2</source>
        <translation>der Tabelle %1 fehlen die Spalte(n) %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not upgrade the case file to version %1: %2</source>
        <translation>Die Falldatei konnte nicht auf Version %1 aktualisiert werden: %2</translation>
    </message>
    <message>
        <location line="+98"/>
        <location line="+3"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The SQLite driver of Qt (libqt6sql6-sqlite) is not installed.</source>
        <translation>Der SQLite-Treiber von Qt (libqt6sql6-sqlite) ist nicht installiert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open the case file %1: %2</source>
        <translation>Die Falldatei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a readable case file: %2</source>
        <translation>%1 ist keine lesbare Falldatei: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+67"/>
        <location line="+55"/>
        <source>%1 already exists.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>The case file %1 does not exist.</source>
        <translation>Die Falldatei %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a Mailflow Workbench case file (it is not an SQLite database).</source>
        <translation>%1 ist keine Falldatei von Mailflow Workbench (keine SQLite-Datenbank).</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>The case file %1 is damaged: %2</source>
        <translation>Die Falldatei %1 ist beschädigt: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The case file %1 is damaged.</source>
        <translation>Die Falldatei %1 ist beschädigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is an SQLite database, but not a Mailflow Workbench case file.</source>
        <translation>%1 ist eine SQLite-Datenbank, aber keine Falldatei von Mailflow Workbench.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case file %1 was written by a newer version of Mailflow Workbench (case format %2; this version reads up to %3).</source>
        <translation>Die Falldatei %1 wurde von einer neueren Version von Mailflow Workbench geschrieben (Fallformat %2; diese Version liest bis %3).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The case file %1 is incomplete and was not opened: %2</source>
        <translation>Die Falldatei %1 ist unvollständig und wurde nicht geöffnet: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+54"/>
        <source>Cannot save the case as %1: %2</source>
        <translation>Der Fall kann nicht als %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Cannot write the redacted copy %1: %2</source>
        <translation>Die anonymisierte Kopie %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>The case has no source %1.</source>
        <translation>Der Fall enthält keine Quelle %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../model/itemmodels/outcomestyle.cpp" line="+28"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deferred</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No mail</source>
        <translation>Keine Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS failed</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>build %1 (not in the table of Exchange Server builds)</source>
        <translation>Build %1 (nicht in der Tabelle der Exchange Server-Builds)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — OUT OF SUPPORT since %2</source>
        <translation>%1 — OHNE SUPPORT seit %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — supported</source>
        <translation>%1 — unterstützt</translation>
    </message>
    <message>
        <location filename="../model/itemmodels/sessionfilter.cpp" line="+307"/>
        <source>SMTP code pattern &quot;%1&quot; is not like 451, 4.4.317 or 5.7.*</source>
        <translation>SMTP-Codemuster „%1“ hat nicht die Form 451, 4.4.317 oder 5.7.*</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Invalid regular expression: %1</source>
        <translation>Ungültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&quot;%1&quot; is not a valid network (CIDR)</source>
        <translation>„%1“ ist kein gültiges Netz (CIDR)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The time range ends before it starts</source>
        <translation>Der Zeitraum endet, bevor er beginnt</translation>
    </message>
    <message>
        <location filename="../views/shell/reportexport.cpp" line="+109"/>
        <source>Could not write the PDF %1.</source>
        <translation>Das PDF %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../model/core/cases/casestate.cpp" line="+150"/>
        <source>Cannot write the case file %1.</source>
        <translation>Die Falldatei %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../model/itemmodels/bookmarksmodel.cpp" line="+25"/>
        <source>session %1</source>
        <translation>Sitzung %1</translation>
    </message>
</context>
<context>
    <name>mwb::BookmarksModel</name>
    <message>
        <location line="+27"/>
        <source>Session %1</source>
        <translation>Sitzung %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line %1 of %2 (session %3)</source>
        <translation>Zeile %1 in %2 (Sitzung %3)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Bookmark</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>mwb::CaseController</name>
    <message>
        <location filename="../model/core/investigation/casecontroller.cpp" line="+30"/>
        <source>Unsaved case</source>
        <translation>Ungespeicherter Fall</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The case has not been saved yet: choose a file with Save Case As.</source>
        <translation>Der Fall wurde noch nicht gespeichert: über „Fall speichern unter“ eine Datei wählen.</translation>
    </message>
</context>
<context>
    <name>mwb::ConfigurationModel</name>
    <message>
        <location filename="../model/itemmodels/configurationmodel.cpp" line="+73"/>
        <source>(server unknown)</source>
        <translation>(Server unbekannt)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Covers</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+33"/>
        <source> (AdminDisplayVersion: the CU, not the SU)</source>
        <translation> (AdminDisplayVersion: das CU, nicht das SU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(seen in the logs only)</source>
        <translation>(nur in den Protokollen gesehen)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>FQDN %1</source>
        <translation>FQDN %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; RequireTLS</source>
        <translation>; RequireTLS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1; %2; %3; auth %4</source>
        <translation>%1; %2; %3; Auth %4</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+22"/>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+22"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location line="-11"/>
        <source> via %1</source>
        <translation> über %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RequireTLS</source>
        <translation>RequireTLS</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1; max %2</source>
        <translation>%1; max. %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>valid until %1</source>
        <translation>gültig bis %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>validity unknown</source>
        <translation>Gültigkeit unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired %1</source>
        <translation>abgelaufen am %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receive connectors</source>
        <translation>Empfangsconnectors</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send connectors</source>
        <translation>Sendeconnectors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accepted domains</source>
        <translation>Akzeptierte Domänen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>mwb::FindingsModel</name>
    <message>
        <location filename="../model/itemmodels/findingsmodel.cpp" line="+34"/>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Caused by: %1</source>
        <translation>Verursacht durch: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time span</source>
        <translation>Zeitraum</translation>
    </message>
</context>
<context>
    <name>mwb::Investigation</name>
    <message>
        <location filename="../model/core/investigation/investigation.cpp" line="+26"/>
        <source>reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>grouping sessions</source>
        <translation>Sitzungen gruppieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>diagnosing sessions</source>
        <translation>Sitzungen diagnostizieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>following messages</source>
        <translation>Nachrichten verfolgen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finding faults</source>
        <translation>Fehler suchen</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The clipboard holds no text.</source>
        <translation>Die Zwischenablage enthält keinen Text.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pasted text is larger than 64 MB: save it as a file and open that instead.</source>
        <translation>Der eingefügte Text ist größer als 64 MB: ihn als Datei speichern und stattdessen die Datei öffnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The pasted text is not an Exchange log, message tracking log or message trace.</source>
        <translation>Der eingefügte Text ist weder ein Exchange-Protokoll noch ein Nachrichtenverfolgungsprotokoll oder eine Nachrichtenablaufverfolgung.</translation>
    </message>
</context>
<context>
    <name>mwb::JourneyModel</name>
    <message>
        <location filename="../model/itemmodels/journeymodel.cpp" line="+64"/>
        <source>Open the protocol session %1</source>
        <translation>Protokollsitzung %1 öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Session not loaded</source>
        <translation>Sitzung nicht geladen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (local)</source>
        <translation>Zeit (lokal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connector</source>
        <translation>Connector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Message %1
From: %2
To: %3
Subject: %4
Status: %5, delay %6

</source>
        <translation>Nachricht %1
Von: %2
An: %3
Betreff: %4
Status: %5, Verzögerung %6

</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
</context>
<context>
    <name>mwb::Report</name>
    <message>
        <location filename="../model/core/cases/report.cpp" line="+63"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dismissed</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deferred</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Mail flow investigation</source>
        <translation>Untersuchung des Mailflusses</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>en</source>
        <comment>HTML lang attribute of the report</comment>
        <translation>de</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Generated %1 by Mailflow Workbench %2.</source>
        <translation>Erstellt am %1 mit Mailflow Workbench %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redacted for sharing: addresses, user names, domains, IP addresses, host names and subjects are replaced by consistent pseudonyms.</source>
        <translation>Zum Weitergeben anonymisiert: Adressen, Benutzernamen, Domänen, IP-Adressen, Hostnamen und Betreffzeilen sind durch einheitliche Pseudonyme ersetzt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+195"/>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="-194"/>
        <location line="+59"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+62"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+32"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>First record</source>
        <translation>Erster Eintrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last record</source>
        <translation>Letzter Eintrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time span</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+34"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreadable</source>
        <translation>Unlesbar</translation>
    </message>
    <message>
        <location line="-104"/>
        <location line="+25"/>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Sessions by outcome</source>
        <translation>Sitzungen nach Ergebnis</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Occurrences per finding</source>
        <translation>Vorkommen je Befund</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>No faults were found in the loaded logs.</source>
        <translation>In den geladenen Protokollen wurden keine Fehler gefunden.</translation>
    </message>
    <message numerus="yes">
        <location line="-16"/>
        <source>%1 (%n file(s))</source>
        <translation>
            <numerusform>%1 (%n Datei)</numerusform>
            <numerusform>%1 (%n Dateien)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>and %n more folder(s)</source>
        <translation>
            <numerusform>und %n weiterer Ordner</numerusform>
            <numerusform>und %n weitere Ordner</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources:</source>
        <translation>Quellen:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occurrences</source>
        <translation>Vorkommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First</source>
        <translation>Erstes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last</source>
        <translation>Letztes</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>(and %n more)</source>
        <translation>
            <numerusform>(und %n weitere)</numerusform>
            <numerusform>(und %n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remediation scenario</source>
        <translation>Behebungsszenario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence:</source>
        <translation>Belege:</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>(and %n more lines)</source>
        <translation>
            <numerusform>(und %n weitere Zeile)</numerusform>
            <numerusform>(und %n weitere Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Charts of the sessions: outcomes and errors over time, top remote hosts and error codes</source>
        <translation>Diagramme der Sitzungen: Ergebnisse und Fehler im Zeitverlauf, häufigste Gegenstellen und Fehlercodes</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Message journeys</source>
        <translation>Nachrichtenwege</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every traced message was delivered.</source>
        <translation>Jede verfolgte Nachricht wurde zugestellt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next hop</source>
        <translation>Nächster Hop</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipient status</source>
        <translation>Empfängerstatus</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Session notes</source>
        <translation>Sitzungsnotizen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remediation scripts</source>
        <translation>Behebungsskripte</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Appendix: source files</source>
        <translation>Anhang: Quelldateien</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n value(s) replaced by pseudonyms.</source>
        <translation>
            <numerusform>%n Wert durch Pseudonyme ersetzt.</numerusform>
            <numerusform>%n Werte durch Pseudonyme ersetzt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>Cannot write the report %1: %2</source>
        <translation>Der Bericht %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>mwb::SessionTableModel</name>
    <message>
        <location filename="../model/itemmodels/sessiontablemodel.cpp" line="+47"/>
        <source>Receive</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send</source>
        <translation>Versand</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attempted</source>
        <translation>versucht</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 — bookmarked</source>
        <translation>%1 — mit Lesezeichen</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (local)</source>
        <translation>Zeit (lokal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connector</source>
        <translation>Connector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote endpoint</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EHLO</source>
        <translation>EHLO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rcpts</source>
        <translation>Empf.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message-IDs</source>
        <translation>Message-IDs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final reply</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>mwb::Transcript</name>
    <message>
        <location filename="../model/core/common/transcripttext.cpp" line="+26"/>
        <source>%1 of silence</source>
        <translation>%1 Stille</translation>
    </message>
</context>
<context>
    <name>mwb::TranscriptModel</name>
    <message>
        <location filename="../model/itemmodels/transcriptmodel.cpp" line="+95"/>
        <source>file %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>
Bookmarked</source>
        <translation>
Mit Lesezeichen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (local)</source>
        <translation>Zeit (lokal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+s</source>
        <translation>+s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dir</source>
        <translation>Richt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Session %1 on %2 (%3) %4 → %5
</source>
        <translation>Sitzung %1 auf %2 (%3) %4 → %5
</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Session %1</source>
        <translation>Sitzung %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session %1 on %2, %3 → %4</source>
        <translation>Sitzung %1 auf %2, %3 → %4</translation>
    </message>
</context>
<context>
    <name>mwb::ingest::ExchangeLogFolders</name>
    <message>
        <location filename="../model/core/ingest/exchangefolders.cpp" line="+23"/>
        <source>Front End Transport — SMTP receive</source>
        <translation>Front-End-Transport — SMTP-Empfang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Front End Transport — SMTP send</source>
        <translation>Front-End-Transport — SMTP-Versand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transport service — SMTP receive</source>
        <translation>Transportdienst — SMTP-Empfang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transport service — SMTP send</source>
        <translation>Transportdienst — SMTP-Versand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mailbox Transport — SMTP receive</source>
        <translation>Postfachtransport — SMTP-Empfang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mailbox Transport — SMTP send</source>
        <translation>Postfachtransport — SMTP-Versand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edge Transport — SMTP receive</source>
        <translation>Edge-Transport — SMTP-Empfang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edge Transport — SMTP send</source>
        <translation>Edge-Transport — SMTP-Versand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message tracking</source>
        <translation>Nachrichtenverfolgung</translation>
    </message>
</context>
<context>
    <name>mwb::ingest::PathCheck</name>
    <message>
        <location filename="../model/core/ingest/pathcheck.cpp" line="+37"/>
        <source>cannot be read (%1)</source>
        <translation>kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>empty file</source>
        <translation>leere Datei</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>binary file, not an Exchange log</source>
        <translation>Binärdatei, kein Exchange-Protokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsupported file type .%1 (binary, not a log)</source>
        <translation>nicht unterstützter Dateityp .%1 (binär, kein Protokoll)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not an Exchange log or message trace</source>
        <translation>weder Exchange-Protokoll noch Nachrichtenablaufverfolgung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsupported file type .%1 (not an Exchange log or message trace)</source>
        <translation>nicht unterstützter Dateityp .%1 (weder Exchange-Protokoll noch Nachrichtenablaufverfolgung)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 — not found</source>
        <translation>%1 — nicht gefunden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — not a regular file (%2)</source>
        <translation>%1 — keine reguläre Datei (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>mwb::views::BookmarksView</name>
    <message>
        <location filename="../views/sessions/bookmarksview.cpp" line="+21"/>
        <source>Bookmarks</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the bookmarked session or line (Enter)</source>
        <translation>Die Sitzung oder Zeile mit dem Lesezeichen anzeigen (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Open bookmark</source>
        <translation>Lesezeichen öffnen</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected bookmark (Delete)</source>
        <translation>Das ausgewählte Lesezeichen entfernen (Entf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Remove bookmark</source>
        <translation>Lesezeichen entfernen</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Ctrl+B bookmarks the selected session or transcript line. F2 renames a bookmark.</source>
        <translation>Ctrl+B setzt ein Lesezeichen auf die ausgewählte Sitzung oder Mitschnittzeile. F2 benennt ein Lesezeichen um.</translation>
    </message>
</context>
<context>
    <name>mwb::views::CaseActions</name>
    <message>
        <location filename="../views/shell/caseactions.cpp" line="+43"/>
        <source>&amp;New Case</source>
        <translation>&amp;Neuer Fall</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;Case…</source>
        <translation>&amp;Fall öffnen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+O</source>
        <translation>Ctrl+Alt+O</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open case</source>
        <translation>Fall öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailflow Workbench cases (*.mwbcase);;All files (*)</source>
        <translation>Mailflow-Workbench-Fälle (*.mwbcase);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save Case</source>
        <translation>Fall &amp;speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Case &amp;As…</source>
        <translation>Fall speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case &amp;Contents…</source>
        <translation>Fall&amp;inhalt…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+I</source>
        <translation>Ctrl+Alt+I</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark Finding &amp;Confirmed</source>
        <translation>Befund als &amp;bestätigt markieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark Finding &amp;Dismissed</source>
        <translation>Befund als &amp;verworfen markieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark Finding as &amp;New</source>
        <translation>Befund als ne&amp;u markieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finding &amp;Note…</source>
        <translation>&amp;Notiz zum Befund…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+N</source>
        <translation>Ctrl+Alt+N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note on the &amp;Session…</source>
        <translation>Notiz zur &amp;Sitzung…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+M</source>
        <translation>Ctrl+Alt+M</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open Recent Cas&amp;e</source>
        <translation>Zuletzt geöffnete Fäll&amp;e</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>F&amp;inding</source>
        <translation>Be&amp;fund</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This finding is marked as confirmed and has a note</source>
        <translation>Dieser Befund ist als bestätigt markiert und hat eine Notiz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This finding is marked as confirmed</source>
        <translation>Dieser Befund ist als bestätigt markiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This finding is marked as dismissed and has a note</source>
        <translation>Dieser Befund ist als verworfen markiert und hat eine Notiz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This finding is marked as dismissed</source>
        <translation>Dieser Befund ist als verworfen markiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This finding has a note (Edit &gt; Finding &gt; Note)</source>
        <translation>Dieser Befund hat eine Notiz (Bearbeiten &gt; Befund &gt; Notiz zum Befund)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1[*] — Mailflow Workbench</source>
        <translation>%1[*] — Mailflow Workbench</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Clear Recent Cases</source>
        <translation>Liste der Fälle &amp;leeren</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Log file of the case</source>
        <translation>Protokolldatei des Falls</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The log file %1 was not found. It may have been moved or deleted.</source>
        <translation>Die Protokolldatei %1 wurde nicht gefunden. Sie wurde möglicherweise verschoben oder gelöscht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The log file %1 has a different size than when the case was saved (%2 instead of %3 bytes).</source>
        <translation>Die Protokolldatei %1 hat eine andere Größe als beim Speichern des Falls (%2 statt %3 Bytes).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The content of the log file %1 has changed since the case was saved (different SHA-256).</source>
        <translation>Der Inhalt der Protokolldatei %1 hat sich seit dem Speichern des Falls geändert (abweichender SHA-256-Wert).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Locate the file, or skip it: the rest of the case opens either way.</source>
        <translation>Die Datei suchen oder überspringen: Der übrige Fall wird so oder so geöffnet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Locate…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load &amp;Anyway</source>
        <translation>&amp;Trotzdem laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Skip</source>
        <translation>Ü&amp;berspringen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Locate %1</source>
        <translation>%1 suchen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Relocated: %1.</source>
        <translation>Neuer Speicherort: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed since the case was saved: %1.</source>
        <translation>Seit dem Speichern des Falls geändert: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not loaded (missing or changed): %1.</source>
        <translation>Nicht geladen (fehlt oder geändert): %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The collection zip %1 is gone or was skipped: the configuration shown is the copy saved in the case.</source>
        <translation>Das Sammel-ZIP %1 fehlt oder wurde übersprungen: Die angezeigte Konfiguration ist die im Fall gespeicherte Kopie.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opened case %1</source>
        <translation>Fall %1 geöffnet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not open the case %1: %2</source>
        <translation>Der Fall %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not recover the autosaved case: %1</source>
        <translation>Der automatisch gespeicherte Fall konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recover unsaved case</source>
        <translation>Ungespeicherten Fall wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailflow Workbench found work from a case that was never saved. Recover it?</source>
        <translation>Mailflow Workbench hat Arbeit aus einem Fall gefunden, der nie gespeichert wurde. Wiederherstellen?</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+12"/>
        <source>Saved the case to %1</source>
        <translation>Fall unter %1 gespeichert</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Could not save the case: %1</source>
        <translation>Der Fall konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save case</source>
        <translation>Fall speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>investigation.mwbcase</source>
        <translation>untersuchung.mwbcase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailflow Workbench cases (*.mwbcase)</source>
        <translation>Mailflow-Workbench-Fälle (*.mwbcase)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unsaved case</source>
        <translation>Ungespeicherter Fall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The case %1 has unsaved changes. Save them?</source>
        <translation>Der Fall %1 hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New case — drop Exchange logs on the window or open them from the File menu</source>
        <translation>Neuer Fall — Exchange-Protokolle auf das Fenster ziehen oder über das Menü „Datei“ öffnen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dismissed</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding “%1” marked as %2</source>
        <translation>Befund „%1“ als %2 markiert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a finding to add a note to it.</source>
        <translation>Einen Befund auswählen, um eine Notiz hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note on the finding</source>
        <translation>Notiz zum Befund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note on “%1”:</source>
        <translation>Notiz zu „%1“:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select a session to add a note to it.</source>
        <translation>Eine Sitzung auswählen, um eine Notiz hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note on the session</source>
        <translation>Notiz zur Sitzung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note on session %1:</source>
        <translation>Notiz zu Sitzung %1:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The wizard&apos;s script was added to the case</source>
        <translation>Das Skript des Assistenten wurde dem Fall hinzugefügt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Log files</source>
        <translation>Protokolldateien</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finding states</source>
        <translation>Befundstatus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wizard scripts</source>
        <translation>Assistentenskripte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Console transcripts</source>
        <translation>Konsolenmitschnitte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case Contents</source>
        <translation>Fallinhalt</translation>
    </message>
</context>
<context>
    <name>mwb::views::CertificateInspector</name>
    <message>
        <location filename="../views/console/certificateinspector.cpp" line="+38"/>
        <location line="+45"/>
        <source>Copy thumbprint</source>
        <translation>Fingerabdruck kopieren</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix in the certificate scenario…</source>
        <translation>Im Zertifikatsszenario beheben…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;I&gt;issuer&lt;S&gt;subject appears after STARTTLS</source>
        <translation>&lt;I&gt;Aussteller&lt;S&gt;Antragsteller erscheint nach STARTTLS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TlsCertificateName:</source>
        <translation>TlsCertificateName:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>TLS summary</source>
        <translation>TLS-Zusammenfassung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate verification</source>
        <translation>Zertifikatsprüfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate name check</source>
        <translation>Namensprüfung des Zertifikats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate chain</source>
        <translation>Zertifikatskette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TlsCertificateName</source>
        <translation>TlsCertificateName</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy TlsCertificateName</source>
        <translation>TlsCertificateName kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix in the certificate scenario</source>
        <translation>Im Zertifikatsszenario beheben</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No TLS session yet. Connect with STARTTLS or implicit TLS to inspect the certificate.</source>
        <translation>Noch keine TLS-Sitzung. Mit STARTTLS oder implizitem TLS verbinden, um das Zertifikat zu prüfen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&lt;b&gt;%1&lt;/b&gt;, cipher &lt;b&gt;%2&lt;/b&gt; (%3 bits), %4 certificate(s) in the chain</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, Verschlüsselung &lt;b&gt;%2&lt;/b&gt; (%3 Bit), %4 Zertifikat(e) in der Kette</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verification: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name check for %1: %2</source>
        <translation>Namensprüfung für %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name check: enter the FQDN you expect (the connector&apos;s FQDN) to check the names.</source>
        <translation>Namensprüfung: den erwarteten FQDN (den FQDN des Connectors) eingeben, um die Namen zu prüfen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server certificate</source>
        <translation>Serverzertifikat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issuer %1</source>
        <translation>Aussteller %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  (EXPIRED)</source>
        <translation>  (ABGELAUFEN)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>  (not yet valid)</source>
        <translation>  (noch nicht gültig)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternative names</source>
        <translation>Alternative Namen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thumbprint (SHA-1)</source>
        <translation>Fingerabdruck (SHA-1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-signed</source>
        <translation>Selbstsigniert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>mwb::views::ChartsView</name>
    <message>
        <location filename="../views/sessions/chartsview.cpp" line="+56"/>
        <source>Sessions over time by outcome</source>
        <translation>Sitzungen im Zeitverlauf nach Ergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error replies over time by SMTP class</source>
        <translation>Fehlerantworten im Zeitverlauf nach SMTP-Klasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top remote hosts</source>
        <translation>Häufigste Gegenstellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Top error codes</source>
        <translation>Häufigste Fehlercodes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click a time to filter the sessions to it; drag to zoom and filter to a range; right-click to zoom out</source>
        <translation>Auf einen Zeitpunkt klicken, um die Sitzungen danach zu filtern; ziehen, um einen Bereich zu vergrößern und zu filtern; Rechtsklick zum Verkleinern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the whole time range again (the sessions filter stays)</source>
        <translation>Wieder den ganzen Zeitraum anzeigen (der Sitzungsfilter bleibt bestehen)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>All %1 sessions</source>
        <translation>Alle %1 Sitzungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 sessions: the charts follow the sessions filter</source>
        <translation>%1 von %2 Sitzungen: Die Diagramme folgen dem Sitzungsfilter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> — zoomed to %1 – %2</source>
        <translation> — vergrößert auf %1 – %2</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+2"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>4xx transient</source>
        <translation>4xx vorübergehend</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>5xx permanent</source>
        <translation>5xx dauerhaft</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Mailflow Workbench charts</source>
        <translation>Mailflow-Workbench-Diagramme</translation>
    </message>
</context>
<context>
    <name>mwb::views::CollectDialog</name>
    <message>
        <location filename="../views/shell/collectdialog.cpp" line="+22"/>
        <source>Also write the &amp;Exchange Online script (connectors, message trace of the window)</source>
        <translation>Auch das &amp;Exchange Online-Skript schreiben (Connectors, Nachrichtenablaufverfolgung des Zeitfensters)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Collect Evidence</source>
        <translation>Belege sammeln</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>empty: every transport server Get-TransportService lists; else EX01,EX02</source>
        <translation>leer: jeder Transportserver, den Get-TransportService auflistet; sonst EX01,EX02</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The script copies the SMTP protocol, message tracking and connectivity logs of every transport server for the window, and the transport configuration (connectors, certificates without private keys, accepted domains, servers) as JSON, into one zip with a manifest. It only reads: it changes nothing in Exchange, Active Directory, services, the registry or the firewall. Run it in the Exchange Management Shell; run it on each Edge server separately.</source>
        <translation>Das Skript kopiert die SMTP-Protokolle, Nachrichtenverfolgungsprotokolle und Konnektivitätsprotokolle jedes Transportservers für das Zeitfenster sowie die Transportkonfiguration (Connectors, Zertifikate ohne private Schlüssel, akzeptierte Domänen, Server) als JSON in eine ZIP-Datei mit Manifest. Es liest nur: Es ändert nichts an Exchange, Active Directory, Diensten, der Registrierung oder der Firewall. In der Exchange-Verwaltungsshell ausführen; auf jedem Edge-Server separat ausführen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Servers:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Write Script…</source>
        <translation>Skript sch&amp;reiben…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder for the collection script</source>
        <translation>Ordner für das Sammelskript</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrote %1. Copy it to an Exchange server, run it in the Exchange Management Shell, then drop the zip it makes on this window.</source>
        <translation>%1 geschrieben. Das Skript auf einen Exchange-Server kopieren, in der Exchange-Verwaltungsshell ausführen und dann die erzeugte ZIP-Datei auf dieses Fenster ziehen.</translation>
    </message>
</context>
<context>
    <name>mwb::views::ConsoleWidget</name>
    <message>
        <location filename="../views/console/consolewidget.cpp" line="+109"/>
        <location line="+203"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location line="-202"/>
        <location line="+203"/>
        <source>Quick test</source>
        <translation>Schnelltest</translation>
    </message>
    <message>
        <location line="-202"/>
        <location line="+203"/>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>Save transcript…</source>
        <translation>Mitschnitt speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+202"/>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <location line="-201"/>
        <location line="+210"/>
        <source>Raw bytes (hex)</source>
        <translation>Rohbytes (hex)</translation>
    </message>
    <message>
        <location line="-209"/>
        <location line="+210"/>
        <source>Timings</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>Fault: DATA without &lt;CRLF&gt;.&lt;CRLF&gt;</source>
        <translation>Fehler: DATA ohne &lt;CRLF&gt;.&lt;CRLF&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+210"/>
        <source>Allow AUTH without TLS</source>
        <translation>AUTH ohne TLS erlauben</translation>
    </message>
    <message>
        <location line="-207"/>
        <source>Send</source>
        <translation>Versand</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>host or IP</source>
        <translation>Host oder IP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plain</source>
        <translation>Unverschlüsselt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Implicit TLS (465)</source>
        <translation>Implizites TLS (465)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FQDN the certificate must cover</source>
        <translation>FQDN, den das Zertifikat abdecken muss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sends the password readable on the network; only for lab servers.</source>
        <translation>Sendet das Kennwort lesbar über das Netzwerk; nur für Testserver.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reproduces the 354 stall: the body is sent, the terminator is not.</source>
        <translation>Stellt das 354-Hängen nach: Der Inhalt wird gesendet, der Abschluss nicht.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mailflow Workbench test</source>
        <translation>Mailflow-Workbench-Test</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SMTP command, e.g. EHLO, STARTTLS, MAIL FROM:&lt;a@b&gt;, DATA, QUIT — Tab completes, ↑/↓ history</source>
        <translation>SMTP-Befehl, z. B. EHLO, STARTTLS, MAIL FROM:&lt;a@b&gt;, DATA, QUIT — Tab ergänzt, ↑/↓ Verlauf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+140"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="-139"/>
        <location line="+140"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="-139"/>
        <location line="+141"/>
        <source>EHLO as</source>
        <translation>EHLO als</translation>
    </message>
    <message>
        <location line="-140"/>
        <location line="+141"/>
        <source>Expected certificate name</source>
        <translation>Erwarteter Zertifikatsname</translation>
    </message>
    <message>
        <location line="-122"/>
        <location line="+131"/>
        <source>Capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1… no reply for %2 s</source>
        <translation>%1… seit %2 s keine Antwort</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+57"/>
        <source>Save transcript</source>
        <translation>Mitschnitt speichern</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved connection profile</source>
        <translation>Gespeichertes Verbindungsprofil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SMTP transcript</source>
        <translation>SMTP-Mitschnitt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C → lines were sent by this console, S ← lines came from the server, ! marks a warning, !! an error</source>
        <translation>Zeilen mit C → wurden von dieser Konsole gesendet, Zeilen mit S ← kamen vom Server, ! kennzeichnet eine Warnung, !! einen Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session details</source>
        <translation>Sitzungsdetails</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test message</source>
        <translation>Testnachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP command</source>
        <translation>SMTP-Befehl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send command</source>
        <translation>Befehl senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fault: DATA without terminator</source>
        <translation>Fehler: DATA ohne Abschluss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Password for %1</source>
        <translation>Kennwort für %1</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Send a test message?</source>
        <translation>Testnachricht senden?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sends the message text below to %1 for real: with accepted recipients (%2) it is delivered like any other mail.</source>
        <translation>Damit wird der Nachrichtentext unten tatsächlich an %1 gesendet: Bei akzeptierten Empfängern (%2) wird er wie jede andere Mail zugestellt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server</source>
        <translation>den Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none given yet</source>
        <translation>noch keine angegeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not ask again</source>
        <translation>Nicht mehr fragen</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Connected, encrypted</source>
        <translation>Verbunden, verschlüsselt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Greeting: %1</source>
        <translation>Begrüßung: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIZE: %1</source>
        <translation>SIZE: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not announced</source>
        <translation>nicht angekündigt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 bytes (%2 MB)</source>
        <translation>%1 Bytes (%2 MB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS: %1    X-ANONYMOUSTLS: %2</source>
        <translation>STARTTLS: %1    X-ANONYMOUSTLS: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AUTH: %1</source>
        <translation>AUTH: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X-EXPS: %1</source>
        <translation>X-EXPS: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none (no Exchange server authentication offered)</source>
        <translation>keine (keine Exchange-Serverauthentifizierung angeboten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>8BITMIME: %1  BINARYMIME: %2  CHUNKING: %3</source>
        <translation>8BITMIME: %1  BINARYMIME: %2  CHUNKING: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTPUTF8: %1  DSN: %2  PIPELINING: %3  ENHANCEDSTATUSCODES: %4</source>
        <translation>SMTPUTF8: %1  DSN: %2  PIPELINING: %3  ENHANCEDSTATUSCODES: %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other: %1</source>
        <translation>Weitere: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capabilities change after STARTTLS: run EHLO again once encrypted.</source>
        <translation>Die Fähigkeiten ändern sich nach STARTTLS: nach der Verschlüsselung EHLO erneut senden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>after %1</source>
        <translation>nach %1</translation>
    </message>
</context>
<context>
    <name>mwb::views::DnsPanel</name>
    <message>
        <location filename="../views/console/dnspanel.cpp" line="+18"/>
        <location line="+19"/>
        <source>Look up</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>Probe MX in priority order</source>
        <translation>MX in Prioritätsreihenfolge prüfen</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>domain or IP address</source>
        <translation>Domäne oder IP-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resolver IP[:port] (empty = system)</source>
        <translation>Resolver-IP[:Port] (leer = System)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name or IP:</source>
        <translation>Name oder IP:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolver:</source>
        <translation>Resolver:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name or IP address to look up</source>
        <translation>Abzufragender Name oder IP-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolver</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DNS status</source>
        <translation>DNS-Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS answers</source>
        <translation>DNS-Antworten</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Enter a domain name or an IP address.</source>
        <translation>Einen Domänennamen oder eine IP-Adresse eingeben.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Asking %1…</source>
        <translation>Frage %1…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>MX</source>
        <translation>MX</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none: mail goes to the A record, if any</source>
        <translation>keiner: Mail geht an den A-Eintrag, falls vorhanden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 host(s), double-click to connect</source>
        <translation>%1 Host(s), Doppelklick zum Verbinden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+30"/>
        <location line="+10"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>AAAA</source>
        <translation>AAAA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none: receivers cannot check who may send for this domain</source>
        <translation>keiner: Empfänger können nicht prüfen, wer für diese Domäne senden darf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MTA-STS</source>
        <translation>MTA-STS</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>invalid: %1</source>
        <translation>ungültig: %1</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>record id=%1, policy not fetched: %2</source>
        <translation>Eintrag id=%1, Richtlinie nicht abgerufen: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mode %1, max_age %2 s</source>
        <translation>Modus %1, max_age %2 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Content-Type</source>
        <translation>Content-Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT USABLE: %1</source>
        <translation>NICHT VERWENDBAR: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mx</source>
        <translation>mx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>covered by the policy</source>
        <translation>von der Richtlinie abgedeckt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NOT covered: senders that enforce the policy refuse it</source>
        <translation>NICHT abgedeckt: Absender, die die Richtlinie durchsetzen, lehnen ihn ab</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TLS-RPT</source>
        <translation>TLS-RPT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none: nobody receives reports of failed TLS to this domain</source>
        <translation>keiner: niemand erhält Berichte über fehlgeschlagenes TLS zu dieser Domäne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLSA (DANE)</source>
        <translation>TLSA (DANE)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n record(s), DNSSEC %1</source>
        <translation>
            <numerusform>%n Eintrag, DNSSEC %1</numerusform>
            <numerusform>%n Einträge, DNSSEC %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 of %2 MX</source>
        <translation>%1 von %2 MX</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DKIM (%1)</source>
        <translation>DKIM (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PTR</source>
        <translation>PTR</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Block lists</source>
        <translation>Sperrlisten</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+26"/>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LISTED %1 — %2</source>
        <translation>GELISTET %1 — %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>not listed</source>
        <translation>nicht gelistet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>listed on %1</source>
        <translation>gelistet auf %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 via %2</source>
        <translation>%1 über %2</translation>
    </message>
</context>
<context>
    <name>mwb::views::DomainCheckDialog</name>
    <message>
        <location filename="../views/console/domaincheckdialog.cpp" line="+20"/>
        <source>&amp;Check</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Save Report…</source>
        <translation>Bericht &amp;speichern…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check Domain</source>
        <translation>Domäne prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contoso.com</source>
        <translation>contoso.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: &lt;I&gt;issuer&lt;S&gt;subject the hybrid connectors expect</source>
        <translation>optional: &lt;I&gt;Aussteller&lt;S&gt;Antragsteller, den die Hybridconnectors erwarten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: resolver IP[:port]; empty = the system&apos;s</source>
        <translation>optional: Resolver-IP[:Port]; leer = Resolver des Systems</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Domain:</source>
        <translation>&amp;Domäne:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xpected certificate:</source>
        <translation>Erwartetes &amp;Zertifikat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resolver:</source>
        <translation>&amp;Resolver:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MX</source>
        <translation>MX</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open &amp;Scenario</source>
        <translation>Szenario ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Save domain check report</source>
        <translation>Bericht der Domänenprüfung speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>domain-check.html</source>
        <translation>domaenenpruefung.html</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved the report to %1</source>
        <translation>Bericht unter %1 gespeichert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Type the domain to check.</source>
        <translation>Die zu prüfende Domäne eingeben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resolver: %1</source>
        <translation>Resolver: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking %1: DNS, then every MX with STARTTLS…</source>
        <translation>Prüfe %1: DNS, dann jeden MX mit STARTTLS…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>fail</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warn</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1
Scenario: %2</source>
        <translation>%1
Szenario: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 failed, %3 warned, %4 checks</source>
        <translation>%1: %2 fehlgeschlagen, %3 mit Warnung, %4 Prüfungen</translation>
    </message>
</context>
<context>
    <name>mwb::views::ExportActions</name>
    <message>
        <location filename="../views/shell/exportactions.cpp" line="+39"/>
        <source>Export Sessions Table as &amp;CSV…</source>
        <translation>Sitzungstabelle als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;Transcript…</source>
        <translation>&amp;Mitschnitt exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;Journey…</source>
        <translation>Nachrichten&amp;weg exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+J</source>
        <translation>Ctrl+Alt+J</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export C&amp;harts as Image…</source>
        <translation>&amp;Diagramme als Bild exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redact Exports</source>
        <translation>Exporte &amp;anonymisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace addresses, domains, IP addresses, host and connector names, GUIDs, user names and subjects with pseudonyms in the CSV, transcript, journey and chart exports</source>
        <translation>Adressen, Domänen, IP-Adressen, Host- und Connectornamen, GUIDs, Benutzernamen und Betreffzeilen in den CSV-, Mitschnitt-, Nachrichtenweg- und Diagrammexporten durch Pseudonyme ersetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report as &amp;HTML…</source>
        <translation>Bericht als &amp;HTML…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+H</source>
        <translation>Ctrl+Alt+H</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report as &amp;PDF…</source>
        <translation>Bericht als &amp;PDF…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export &amp;Report</source>
        <translation>&amp;Bericht exportieren</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+126"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Export sessions as CSV</source>
        <translation>Sitzungen als CSV exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sessions.csv</source>
        <translation>sitzungen.csv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Exported %n session(s) to %1</source>
        <translation>
            <numerusform>%n Sitzung nach %1 exportiert</numerusform>
            <numerusform>%n Sitzungen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export transcript</source>
        <translation>Mitschnitt exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>transcript.html</source>
        <translation>mitschnitt.html</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>HTML (*.html);;Text (*.txt)</source>
        <translation>HTML (*.html);;Text (*.txt)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exported the transcript to %1</source>
        <translation>Mitschnitt nach %1 exportiert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export message journey</source>
        <translation>Nachrichtenweg exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>journey.html</source>
        <translation>nachrichtenweg.html</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported the journey to %1</source>
        <translation>Nachrichtenweg nach %1 exportiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export charts</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>charts.png</source>
        <translation>diagramme.png</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported the charts to %1</source>
        <translation>Diagramme nach %1 exportiert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mail flow investigation: %1</source>
        <translation>Untersuchung des Mailflusses: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remediation script (%1)</source>
        <translation>Behebungsskript (%1)</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+23"/>
        <source>Load logs first: the report describes what is loaded.</source>
        <translation>Zuerst Protokolle laden: Der Bericht beschreibt, was geladen ist.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Exported the redacted report to %1</source>
        <translation>Anonymisierten Bericht nach %1 exportiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported the report to %1</source>
        <translation>Bericht nach %1 exportiert</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export report as PDF</source>
        <translation>Bericht als PDF exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export report as HTML</source>
        <translation>Bericht als HTML exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report.pdf</source>
        <translation>bericht.pdf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>report.html</source>
        <translation>bericht.html</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
</context>
<context>
    <name>mwb::views::ExportReportDialog</name>
    <message>
        <location filename="../views/shell/reportexport.cpp" line="-58"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GUID</source>
        <translation>GUID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenant (provider name)</source>
        <translation>Mandant (Anbietername)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connector</source>
        <translation>Connector</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Export Report as PDF</source>
        <translation>Bericht als PDF exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Report as HTML</source>
        <translation>Bericht als HTML exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The report contains the summary, the findings with evidence, message journeys, charts, generated scripts and your notes.</source>
        <translation>Der Bericht enthält die Zusammenfassung, die Befunde mit Belegen, Nachrichtenwege, Diagramme, erstellte Skripte und Ihre Notizen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Redact for sharing (replace addresses, user names, domains, IP addresses, host names and subjects with pseudonyms)</source>
        <translation>Zum Weitergeben &amp;anonymisieren (Adressen, Benutzernamen, Domänen, IP-Adressen, Hostnamen und Betreffzeilen durch Pseudonyme ersetzen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redact for sharing</source>
        <translation>Zum Weitergeben anonymisieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Domains kept as they are</source>
        <translation>Unverändert beibehaltene Domänen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma-separated; sub-domains are kept too</source>
        <translation>Durch Kommas getrennt; Subdomänen bleiben ebenfalls erhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep these domains:</source>
        <translation>Diese Domänen &amp;beibehalten:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Preview Replacements</source>
        <translation>&amp;Vorschau der Ersetzungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replacements: original and pseudonym</source>
        <translation>Ersetzungen: Original und Pseudonym</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing is replaced: the report shows the logs as they are.</source>
        <translation>Nichts wird ersetzt: Der Bericht zeigt die Protokolle unverändert.</translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>%n value(s) will be replaced; SMTP codes, times and the structure stay as they are.</source>
        <translation>
            <numerusform>%n Wert wird ersetzt; SMTP-Codes, Zeiten und die Struktur bleiben unverändert.</numerusform>
            <numerusform>%n Werte werden ersetzt; SMTP-Codes, Zeiten und die Struktur bleiben unverändert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mwb::views::FindingDetails</name>
    <message>
        <location filename="../views/sessions/findingsview.cpp" line="+144"/>
        <source>Show &amp;sessions</source>
        <translation>&amp;Sitzungen anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in &amp;wizard</source>
        <translation>Im &amp;Assistenten öffnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the sessions of this finding in the sessions table</source>
        <translation>Die Sitzungen dieses Befunds in der Sitzungstabelle anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the remediation wizard with the scenario and parameters of this finding</source>
        <translation>Den Behebungsassistenten mit Szenario und Parametern dieses Befunds öffnen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Select a finding to see what it means and the log lines that prove it.</source>
        <translation>Einen Befund auswählen, um zu sehen, was er bedeutet und welche Protokollzeilen ihn belegen.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n occurrence(s)</source>
        <translation>
            <numerusform>%n Vorkommen</numerusform>
            <numerusform>%n Vorkommen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Servers: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codes: %1</source>
        <translation>Codes: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From %1 to %2 (UTC)</source>
        <translation>Von %1 bis %2 (UTC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages: %1</source>
        <translation>Nachrichten: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remediation scenario: %1</source>
        <translation>Behebungsszenario: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>file %1</source>
        <translation>Datei %1</translation>
    </message>
</context>
<context>
    <name>mwb::views::HelpBrowser</name>
    <message>
        <location filename="../views/shell/helpbrowser.cpp" line="+36"/>
        <source>Mailflow Workbench Help</source>
        <translation>Hilfe zu Mailflow Workbench</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+70"/>
        <source>Filtering sessions</source>
        <translation>Sitzungen filtern</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+88"/>
        <source>Session outcomes</source>
        <translation>Sitzungsergebnisse</translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+99"/>
        <source>Transcript and TLS card</source>
        <translation>Mitschnitt und TLS-Karte</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+107"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+116"/>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+123"/>
        <location line="+18"/>
        <source>SMTP console</source>
        <translation>SMTP-Konsole</translation>
    </message>
    <message>
        <location line="-141"/>
        <location line="+131"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Finding out why mail does not flow</source>
        <translation>Herausfinden, warum Mail nicht fließt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop Exchange logs on the window: SMTP Receive and Send protocol logs (FrontEnd, Hub, Edge), message tracking logs, Exchange Online message traces, Export-Csv and Format-List output, folders and archives. Pasted log lines load too (Edit &gt; Paste Logs).</source>
        <translation>Exchange-Protokolle auf das Fenster ziehen: SMTP-Protokolle für Empfang und Versand (FrontEnd, Hub, Edge), Nachrichtenverfolgungsprotokolle, Exchange Online-Nachrichtenablaufverfolgungen, Ausgaben von Export-Csv und Format-List, Ordner und Archive. Eingefügte Protokollzeilen werden ebenfalls geladen (Bearbeiten &gt; Protokolle einfügen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Findings dock lists the faults found, most severe first; a symptom sits under the fault that causes it. Select one to read its evidence, show its sessions, or open the remediation wizard with the values taken from the evidence.</source>
        <translation>Der Bereich „Befunde“ listet die gefundenen Fehler auf, die schwerwiegendsten zuerst; ein Symptom steht unter dem Fehler, der es verursacht. Einen Befund auswählen, um seine Belege zu lesen, seine Sitzungen anzuzeigen oder den Behebungsassistenten mit den Werten aus den Belegen zu öffnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sessions table shows every SMTP session; select one to read its transcript and TLS details. The Message journey tab follows one message across servers; Charts show outcomes and errors over time.</source>
        <translation>Die Sitzungstabelle zeigt jede SMTP-Sitzung; eine Sitzung auswählen, um ihren Mitschnitt und die TLS-Details zu lesen. Die Registerkarte „Nachrichtenweg“ verfolgt eine Nachricht über die Server hinweg; die Diagramme zeigen Ergebnisse und Fehler im Zeitverlauf.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press F1 in any view for help on that view.</source>
        <translation>In jeder Ansicht F1 drücken, um Hilfe zu dieser Ansicht zu erhalten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every field of the filter bar narrows the table; empty fields do not restrict. The charts count only what the filter lets through.</source>
        <translation>Jedes Feld der Filterleiste schränkt die Tabelle ein; leere Felder schränken nicht ein. Die Diagramme zählen nur, was der Filter durchlässt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free text: session id, server, connector, endpoints, EHLO, sender, recipients, message ids and the last reply contain it (case does not matter).</source>
        <translation>Freitext: Sitzungs-ID, Server, Connector, Endpunkte, EHLO, Absender, Empfänger, Message-IDs und die letzte Antwort enthalten ihn (Groß-/Kleinschreibung spielt keine Rolle).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With Regex ticked: a regular expression over the same fields.</source>
        <translation>Mit aktiviertem „Regex“: ein regulärer Ausdruck über dieselben Felder.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote IP or CIDR (IPv4 or IPv6, e.g. 2001:db8::/32); other text matches part of the remote endpoint.</source>
        <translation>Remote-IP oder CIDR (IPv4 oder IPv6, z. B. 2001:db8::/32); anderer Text muss in der Gegenstelle enthalten sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTP code of the last reply: an enhanced status code.</source>
        <translation>SMTP-Code der letzten Antwort: ein erweiterter Statuscode.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A code class: any 5.7.x reply.</source>
        <translation>Eine Codeklasse: jede 5.7.x-Antwort.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A basic reply code.</source>
        <translation>Ein einfacher Antwortcode.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connector</source>
        <translation>Connector</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Part of the receive or send connector name, e.g. Default Frontend.</source>
        <translation>Teil des Namens des Empfangs- oder Sendeconnectors, z. B. Default Frontend.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sessions that start in the range (a drag on a time chart sets it).</source>
        <translation>Sitzungen, die im Zeitraum beginnen (Ziehen in einem Zeitdiagramm legt ihn fest).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has TLS / Has finding</source>
        <translation>Mit TLS / Mit Befund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only sessions with an established TLS handshake / that a finding names.</source>
        <translation>Nur Sitzungen mit erfolgreich hergestelltem TLS-Handshake / die ein Befund nennt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right-click a cell and choose &quot;Apply as filter&quot; to filter on its value.</source>
        <translation>Mit der rechten Maustaste auf eine Zelle klicken und „Als Filter anwenden“ wählen, um nach ihrem Wert zu filtern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The server accepted at least one message (250 after DATA or BDAT).</source>
        <translation>Der Server hat mindestens eine Nachricht angenommen (250 nach DATA oder BDAT).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A permanent refusal (5xx) of the message, its recipients or the session.</source>
        <translation>Eine dauerhafte Ablehnung (5xx) der Nachricht, ihrer Empfänger oder der Sitzung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deferred</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A temporary refusal (4xx): the sender keeps the message queued and retries.</source>
        <translation>Eine vorübergehende Ablehnung (4xx): Der Absender behält die Nachricht in der Warteschlange und versucht es erneut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropped</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The connection ended in the middle of a transaction, without a final reply.</source>
        <translation>Die Verbindung endete mitten in einer Transaktion, ohne abschließende Antwort.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no mail</source>
        <translation>keine Mail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The session carried no message: a connection test, a probe or an idle connection.</source>
        <translation>Die Sitzung hat keine Nachricht übertragen: ein Verbindungstest, eine Überprüfung (Probe) oder eine inaktive Verbindung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tls-failed</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The TLS handshake after STARTTLS failed: nothing after it was protected, and the sender usually queues the message (for example 4.4.317 from Exchange Online).</source>
        <translation>Der TLS-Handshake nach STARTTLS ist fehlgeschlagen: Nichts danach war geschützt, und der Absender stellt die Nachricht meist in die Warteschlange (zum Beispiel 4.4.317 von Exchange Online).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The padlock means an established TLS handshake; a red broken lock means it was attempted and failed.</source>
        <translation>Das Vorhängeschloss steht für einen erfolgreich hergestellten TLS-Handshake; ein rotes, aufgebrochenes Schloss bedeutet, dass er versucht wurde und fehlgeschlagen ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The transcript lists the session&apos;s lines in order: commands from the client, replies from the server and the log&apos;s own notes. A badge on a line says how long it was waited for.</source>
        <translation>Der Mitschnitt listet die Zeilen der Sitzung der Reihe nach auf: Befehle des Clients, Antworten des Servers und die eigenen Vermerke des Protokolls. Eine Markierung an einer Zeile gibt an, wie lange auf sie gewartet wurde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TLS card shows the certificates the log recorded. The name check compares the server&apos;s certificate with the expected FQDN: the name the sender asks for (the MX, the smart host, the name in the connector). When a finding names it, the card uses it; otherwise it guesses from the server&apos;s banner and says so.</source>
        <translation>Die TLS-Karte zeigt die Zertifikate, die das Protokoll aufgezeichnet hat. Die Namensprüfung vergleicht das Zertifikat des Servers mit dem erwarteten FQDN: dem Namen, den der Absender anfragt (der MX, der Smarthost, der Name im Connector). Wenn ein Befund ihn nennt, verwendet die Karte diesen; andernfalls leitet sie ihn aus dem Banner des Servers ab und weist darauf hin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raw lines shows the log lines as they are in the file; Copy as text copies the transcript.</source>
        <translation>„Rohzeilen“ zeigt die Protokollzeilen so, wie sie in der Datei stehen; „Als Text kopieren“ kopiert den Mitschnitt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each finding is a fault with its evidence: the log lines, the sessions and messages it covers, the servers involved and the server to fix. Errors come first, then warnings and information.</source>
        <translation>Jeder Befund ist ein Fehler mit seinen Belegen: den Protokollzeilen, den betroffenen Sitzungen und Nachrichten, den beteiligten Servern und dem Server, der korrigiert werden muss. Zuerst kommen Fehler, dann Warnungen und Informationen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show sessions filters the table to the finding&apos;s sessions. Open in wizard starts the remediation wizard with the values the evidence gives (server, connector, thumbprint, FQDN); the script it writes runs its read-only checks first, and its changing commands carry -WhatIf unless you choose apply mode.</source>
        <translation>„Sitzungen anzeigen“ filtert die Tabelle auf die Sitzungen des Befunds. „Im Assistenten öffnen“ startet den Behebungsassistenten mit den Werten aus den Belegen (Server, Connector, Fingerabdruck, FQDN); das Skript, das er schreibt, führt zuerst seine nur lesenden Prüfungen aus, und seine ändernden Befehle sind mit -WhatIf versehen, sofern Sie nicht den Anwendungsmodus wählen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark a finding confirmed or dismissed, or add a note (Edit &gt; Finding): that is saved with the case.</source>
        <translation>Einen Befund als bestätigt oder verworfen markieren oder eine Notiz hinzufügen (Bearbeiten &gt; Befund): Das wird mit dem Fall gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sessions over time by outcome, error replies over time, the top remote hosts and the top error codes, counted over the sessions the filter lets through.</source>
        <translation>Sitzungen im Zeitverlauf nach Ergebnis, Fehlerantworten im Zeitverlauf, die häufigsten Gegenstellen und die häufigsten Fehlercodes, gezählt über die Sitzungen, die der Filter durchlässt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag over a time chart to zoom into a range (the table is filtered to it too); Reset Zoom shows the whole range again. Click a bar or a point to filter the table to it.</source>
        <translation>Über ein Zeitdiagramm ziehen, um in einen Zeitraum zu zoomen (auch die Tabelle wird darauf gefiltert); „Zoom zurücksetzen“ zeigt wieder den ganzen Zeitraum. Auf einen Balken oder Punkt klicken, um die Tabelle darauf zu filtern.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A real SMTP client: type commands (EHLO, STARTTLS, AUTH LOGIN user, MAIL FROM:&lt;a@b&gt;, RCPT TO:&lt;c@d&gt;, DATA, QUIT) or use Quick test. Every reply is timed; the Certificate tab checks the chain against the expected certificate name.</source>
        <translation>Ein echter SMTP-Client: Befehle eingeben (EHLO, STARTTLS, AUTH LOGIN user, MAIL FROM:&lt;a@b&gt;, RCPT TO:&lt;c@d&gt;, DATA, QUIT) oder „Schnelltest“ verwenden. Für jede Antwort wird die Zeit gemessen; die Registerkarte „Zertifikat“ prüft die Kette gegen den erwarteten Zertifikatsnamen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DATA, BDAT and Quick test send the message text for real: the console asks before it sends. Passwords are asked in a separate field and never written to the transcript or the history.</source>
        <translation>DATA, BDAT und „Schnelltest“ senden den Nachrichtentext tatsächlich: Die Konsole fragt vor dem Senden nach. Kennwörter werden in einem separaten Feld abgefragt und nie in den Mitschnitt oder den Verlauf geschrieben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open logs</source>
        <translation>Protokolle öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a folder of logs</source>
        <translation>Einen Ordner mit Protokollen öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste logs</source>
        <translation>Protokolle einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter sessions</source>
        <translation>Sitzungen filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions, message journey, charts</source>
        <translation>Sitzungen, Nachrichtenweg, Diagramme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back and forward</source>
        <translation>Zurück und vorwärts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times in UTC or local time</source>
        <translation>Zeiten in UTC oder Ortszeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw log lines</source>
        <translation>Rohe Protokollzeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remediation wizard</source>
        <translation>Behebungsassistent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help for the view that has the focus</source>
        <translation>Hilfe zur Ansicht, die den Fokus hat</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>About Mailflow Workbench</source>
        <translation>Über Mailflow Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h2&gt;Mailflow Workbench %1&lt;/h2&gt;&lt;p&gt;Find out why Exchange mail does not flow, and fix it.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;h3&gt;Licences&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Mailflow Workbench: see the LICENSE file shipped with it.&lt;/li&gt;&lt;li&gt;Qt 6 (Core, Gui, Widgets, Network, Sql, Concurrent, Svg): GNU LGPL v3.&lt;/li&gt;&lt;li&gt;Qt Charts: GNU GPL v3.&lt;/li&gt;&lt;li&gt;libarchive: BSD 2-clause.&lt;/li&gt;&lt;li&gt;KSyntaxHighlighting (when built with it): MIT.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h2&gt;Mailflow Workbench %1&lt;/h2&gt;&lt;p&gt;Herausfinden, warum Exchange-Mail nicht fließt, und es beheben.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;&lt;h3&gt;Lizenzen&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Mailflow Workbench: siehe die mitgelieferte Datei LICENSE.&lt;/li&gt;&lt;li&gt;Qt 6 (Core, Gui, Widgets, Network, Sql, Concurrent, Svg): GNU LGPL v3.&lt;/li&gt;&lt;li&gt;Qt Charts: GNU GPL v3.&lt;/li&gt;&lt;li&gt;libarchive: BSD 2-clause.&lt;/li&gt;&lt;li&gt;KSyntaxHighlighting (falls eingebunden): MIT.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>mwb::views::JourneyTimeline</name>
    <message>
        <location filename="../views/sessions/journeyview.cpp" line="+77"/>
        <source>Search a message by id, sender, recipient or subject to see its journey.</source>
        <translation>Eine Nachricht nach ID, Absender, Empfänger oder Betreff suchen, um ihren Weg zu sehen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(unknown server)</source>
        <translation>(unbekannter Server)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>session %1</source>
        <translation>Sitzung %1</translation>
    </message>
</context>
<context>
    <name>mwb::views::JourneyView</name>
    <message>
        <location line="+45"/>
        <source>Message-ID, sender, recipient or subject…</source>
        <translation>Message-ID, Absender, Empfänger oder Betreff…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search messages</source>
        <translation>Nachrichten suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matching messages</source>
        <translation>Passende Nachrichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Message journey timeline</source>
        <translation>Zeitleiste des Nachrichtenwegs</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Journey hops</source>
        <translation>Hops des Nachrichtenwegs</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>%1
From %2 to %3 — &quot;%4&quot; — %5, total %6</source>
        <translation>%1
Von %2 an %3 — „%4“ — %5, insgesamt %6</translation>
    </message>
</context>
<context>
    <name>mwb::views::MainWindow</name>
    <message>
        <location filename="../views/shell/mainwindow.cpp" line="+64"/>
        <source>Mailflow Workbench</source>
        <translation>Mailflow Workbench</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>&amp;Open Logs…</source>
        <translation>Protokolle ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Exchange logs</source>
        <translation>Exchange-Protokolle öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logs and traces (*.log *.csv *.txt *.zip *.gz *.tgz *.tar);;All files (*)</source>
        <translation>Protokolle und Ablaufverfolgungen (*.log *.csv *.txt *.zip *.gz *.tgz *.tar);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a folder of Exchange logs</source>
        <translation>Einen Ordner mit Exchange-Protokollen öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Sample Logs</source>
        <translation>&amp;Beispielprotokolle öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;llect Evidence…</source>
        <translation>Be&amp;lege sammeln…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+L</source>
        <translation>Ctrl+Alt+L</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write the read-only PowerShell script that collects the logs and configuration of every transport server</source>
        <translation>Das nur lesende PowerShell-Skript schreiben, das die Protokolle und die Konfiguration jedes Transportservers sammelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste Logs</source>
        <translation>&amp;Protokolle einfügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load log lines copied from a ticket, a forum post or an e-mail (or copied log files)</source>
        <translation>Protokollzeilen laden, die aus einem Ticket, einem Forenbeitrag oder einer E-Mail kopiert wurden (oder kopierte Protokolldateien)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy Transcript as Te&amp;xt</source>
        <translation>Mitschnitt als Te&amp;xt kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel Loading</source>
        <translation>Laden &amp;abbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forward</source>
        <translation>&amp;Vorwärts</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+316"/>
        <source>Times in &amp;UTC</source>
        <translation>Zeiten in &amp;UTC</translation>
    </message>
    <message>
        <location line="-316"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Filter Sessions</source>
        <translation>Sitzungen &amp;filtern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Raw Log Lines</source>
        <translation>&amp;Rohe Protokollzeilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sessions</source>
        <translation>&amp;Sitzungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message &amp;Journey</source>
        <translation>Nachrichten&amp;weg</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;harts</source>
        <translation>&amp;Diagramme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remediation &amp;Wizard…</source>
        <translation>Behebungs&amp;assistent…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SMTP &amp;Console…</source>
        <translation>SMTP-&amp;Konsole…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check &amp;Domain…</source>
        <translation>&amp;Domäne prüfen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MX, STARTTLS and certificates of every MX, DANE, MTA-STS, SPF, DMARC, TLS-RPT and block lists of a domain</source>
        <translation>MX, STARTTLS und Zertifikate jedes MX, DANE, MTA-STS, SPF, DMARC, TLS-RPT und Sperrlisten einer Domäne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help for This View</source>
        <translation>&amp;Hilfe zu dieser Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Mailflow Workbench</source>
        <translation>Ü&amp;ber Mailflow Workbench</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+A</source>
        <translation>Ctrl+Alt+A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear Recent</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The remediation wizard is not part of this build yet</source>
        <translation>Der Behebungsassistent ist in diesem Build noch nicht enthalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SMTP console is not part of this build yet</source>
        <translation>Die SMTP-Konsole ist in diesem Build noch nicht enthalten</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+536"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="-530"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+G</source>
        <translation>Ctrl+Shift+G</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message numerus="yes">
        <location line="-227"/>
        <source>Loading… showing the first %n session(s) while the rest loads</source>
        <translation>
            <numerusform>Wird geladen… die erste %n Sitzung wird angezeigt, während der Rest lädt</numerusform>
            <numerusform>Wird geladen… die ersten %n Sitzungen werden angezeigt, während der Rest lädt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+498"/>
        <source>The domain check is not part of this build yet.</source>
        <translation>Die Domänenprüfung ist in diesem Build noch nicht enthalten.</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Main area</source>
        <translation>Hauptbereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace: sessions, message journey and charts</source>
        <translation>Arbeitsbereich: Sitzungen, Nachrichtenweg und Diagramme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Findings list</source>
        <translation>Befundliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding details</source>
        <translation>Befunddetails</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explanation and evidence of the selected finding</source>
        <translation>Erklärung und Belege des ausgewählten Befunds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location line="-407"/>
        <source>The bundled sample logs were not found next to the program.</source>
        <translation>Die mitgelieferten Beispielprotokolle wurden neben dem Programm nicht gefunden.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Times in &amp;local time</source>
        <translation>Zeiten in &amp;Ortszeit</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The remediation wizard is not part of this build yet.</source>
        <translation>Der Behebungsassistent ist in diesem Build noch nicht enthalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The remediation wizard (scenario %1) is not part of this build yet.</source>
        <translation>Der Behebungsassistent (Szenario %1) ist in diesem Build noch nicht enthalten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>SMTP Console</source>
        <translation>SMTP-Konsole</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The SMTP console is not part of this build yet.</source>
        <translation>Die SMTP-Konsole ist in diesem Build noch nicht enthalten.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Only local files can be loaded; skipped %1</source>
        <translation>Nur lokale Dateien können geladen werden; %1 übersprungen</translation>
    </message>
</context>
<context>
    <name>mwb::views::MessageBar</name>
    <message>
        <location filename="../views/common/messagebar.cpp" line="+25"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>mwb::views::ParameterForm</name>
    <message>
        <location filename="../views/wizard/remediationwizard.cpp" line="+102"/>
        <source>Problems with the values</source>
        <translation>Probleme mit den Werten</translation>
    </message>
</context>
<context>
    <name>mwb::views::RemediationWizard</name>
    <message>
        <location line="+509"/>
        <source>Fix mail flow — guided checklist</source>
        <translation>Mailfluss reparieren — geführte Checkliste</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Choose a symptom first.</source>
        <translation>Zuerst ein Symptom wählen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>mwb::views::ScriptPage</name>
    <message>
        <location line="-175"/>
        <source>Your PowerShell script</source>
        <translation>Ihr PowerShell-Skript</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read-only checks first, then the changes. Run it in the Exchange Management Shell.</source>
        <translation>Zuerst nur lesende Prüfungen, dann die Änderungen. In der Exchange-Verwaltungsshell ausführen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Generated PowerShell script</source>
        <translation>Erstelltes PowerShell-Skript</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problems with the script values</source>
        <translation>Probleme mit den Skriptwerten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dry run (-WhatIf)</source>
        <translation>Probelauf (-WhatIf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;opy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the script</source>
        <translation>Skript kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save .ps1…</source>
        <translation>.ps1 &amp;speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the script as a .ps1 file</source>
        <translation>Das Skript als .ps1-Datei speichern</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save PowerShell script</source>
        <translation>PowerShell-Skript speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PowerShell scripts (*.ps1)</source>
        <translation>PowerShell-Skripte (*.ps1)</translation>
    </message>
</context>
<context>
    <name>mwb::views::SessionsView</name>
    <message>
        <location filename="../views/sessions/sessionsview.cpp" line="+29"/>
        <source>Re&amp;gex</source>
        <translation>Re&amp;gex</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ti&amp;me</source>
        <translation>&amp;Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Has &amp;TLS</source>
        <translation>Mit &amp;TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has fi&amp;nding</source>
        <translation>Mit Be&amp;fund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search sessions (id, host, address, message-id, reply)…</source>
        <translation>Sitzungen suchen (ID, Host, Adresse, Message-ID, Antwort)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All servers</source>
        <translation>Alle Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connector</source>
        <translation>Connector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both directions</source>
        <translation>Beide Richtungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+326"/>
        <source>Receive</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <location line="-326"/>
        <source>Send</source>
        <translation>Versand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote IP or CIDR</source>
        <translation>Remote-IP oder CIDR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTP code, e.g. 4.4.317 or 5.7.*</source>
        <translation>SMTP-Code, z. B. 4.4.317 oder 5.7.*</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any outcome</source>
        <translation>Jedes Ergebnis</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restrict to sessions that start in this range (UTC)</source>
        <translation>Auf Sitzungen beschränken, die in diesem Zeitraum beginnen (UTC)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>Clear the filter</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search sessions</source>
        <translation>Sitzungen suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treat the search text as a regular expression</source>
        <translation>Suchtext als regulären Ausdruck behandeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server filter</source>
        <translation>Serverfilter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connector filter</source>
        <translation>Connector-Filter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction filter</source>
        <translation>Richtungsfilter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote IP or CIDR filter</source>
        <translation>Filter für Remote-IP oder CIDR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP code filter</source>
        <translation>SMTP-Code-Filter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome filter</source>
        <translation>Ergebnisfilter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From time (UTC)</source>
        <translation>Startzeit (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To time (UTC)</source>
        <translation>Endzeit (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter result</source>
        <translation>Filterergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One row per SMTP session; Ctrl+B bookmarks the current session</source>
        <translation>Eine Zeile pro SMTP-Sitzung; Ctrl+B setzt ein Lesezeichen auf die aktuelle Sitzung</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directions</source>
        <translation>Richtungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message numerus="yes">
        <location line="+72"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %n session(s) match</source>
        <translation>
            <numerusform>%1 von %n Sitzung passen</numerusform>
            <numerusform>%1 von %n Sitzungen passen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+196"/>
        <source>TLS failed</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Default columns</source>
        <translation>Standardspalten</translation>
    </message>
</context>
<context>
    <name>mwb::views::SettingsMenu</name>
    <message>
        <location filename="../views/shell/settingsmenu.cpp" line="+16"/>
        <source>Settin&amp;gs</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time &amp;Zone of Exported Logs…</source>
        <translation>&amp;Zeitzone exportierter Protokolle…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Alt+Z</source>
        <translation>Ctrl+Alt+Z</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The zone of the machine that ran Get-MessageTrackingLog | Export-Csv: its times carry no zone</source>
        <translation>Die Zeitzone des Computers, auf dem Get-MessageTrackingLog | Export-Csv lief: seine Zeiten tragen keine Zone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>UTC (times as written)</source>
        <translation>UTC (Zeiten wie geschrieben)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time zone of exported logs</source>
        <translation>Zeitzone exportierter Protokolle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export-Csv and Format-List output of Get-MessageTrackingLog is written in the local time of the machine that ran it, without a zone. Read such times in:</source>
        <translation>Export-Csv- und Format-List-Ausgaben von Get-MessageTrackingLog stehen in der Ortszeit des Computers, auf dem der Befehl lief, ohne Zone. Solche Zeiten lesen in:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The zone applies from the next load: open the logs again to read their times in %1.</source>
        <translation>Die Zone gilt ab dem nächsten Laden: Öffnen Sie die Protokolle erneut, um ihre Zeiten in %1 zu lesen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The language changes when Mailflow Workbench is started again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Mailflow Workbench.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;System Default</source>
        <translation>&amp;Systemstandard</translation>
    </message>
</context>
<context>
    <name>mwb::views::ShellStatus</name>
    <message>
        <location filename="../views/shell/shellstatus.cpp" line="+19"/>
        <source>Ready — drop Exchange logs on the window or open them from the File menu</source>
        <translation>Bereit — Exchange-Protokolle auf das Fenster ziehen oder über das Menü „Datei“ öffnen</translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <source>Loading %n item(s)…</source>
        <translation>
            <numerusform>Lade %n Element…</numerusform>
            <numerusform>Lade %n Elemente…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Loading: %1 — %2 of %3</source>
        <translation>Wird geladen: %1 — %2 von %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading: %1 — %2 of %3 sessions</source>
        <translation>Wird geladen: %1 — %2 von %3 Sitzungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading: %1…</source>
        <translation>Wird geladen: %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (about %1 left)</source>
        <translation> (noch etwa %1)</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Skipped %n item(s): %1</source>
        <translation>
            <numerusform>%n Element übersprungen: %1</numerusform>
            <numerusform>%n Elemente übersprungen: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to load</source>
        <translation>Nichts zu laden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing new to load: what is loaded stays</source>
        <translation>Nichts Neues zu laden: Das Geladene bleibt erhalten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Diagnosis is off for this load: %1</source>
        <translation>Die Diagnose ist für diesen Ladevorgang aus: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Loaded %n file(s)</source>
        <translation>
            <numerusform>%n Datei geladen</numerusform>
            <numerusform>%n Dateien geladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n Befund</numerusform>
            <numerusform>%n Befunde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> (%n error(s))</source>
        <translation>
            <numerusform> (%n Fehler)</numerusform>
            <numerusform> (%n Fehler)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading cancelled — </source>
        <translation>Laden abgebrochen — </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ignored (not Exchange logs): %1. </source>
        <translation>Ignoriert (keine Exchange-Protokolle): %1. </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n line(s) could not be read; the rest loaded.</source>
        <translation>
            <numerusform>%n Zeile konnte nicht gelesen werden; der Rest wurde geladen.</numerusform>
            <numerusform>%n Zeilen konnten nicht gelesen werden; der Rest wurde geladen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped %1. </source>
        <translation>%1 übersprungen. </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n exported file(s) have times without a time zone; they were read as UTC. If they were exported on a machine in another zone, choose it in Settings &gt; Time Zone of Exported Logs and open them again.</source>
        <translation>
            <numerusform>%n exportierte Datei enthält Zeiten ohne Zeitzone; sie wurden als UTC gelesen. Wurde sie auf einem Computer in einer anderen Zone exportiert, wählen Sie diese unter Einstellungen &gt; Zeitzone exportierter Protokolle und öffnen Sie sie erneut.</numerusform>
            <numerusform>%n exportierte Dateien enthalten Zeiten ohne Zeitzone; sie wurden als UTC gelesen. Wurden sie auf einem Computer in einer anderen Zone exportiert, wählen Sie diese unter Einstellungen &gt; Zeitzone exportierter Protokolle und öffnen Sie sie erneut.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No Exchange log was found in what was opened.</source>
        <translation>Im Geöffneten wurde kein Exchange-Protokoll gefunden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading progress</source>
        <translation>Ladefortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
</context>
<context>
    <name>mwb::views::StartPage</name>
    <message>
        <location filename="../views/wizard/remediationwizard.cpp" line="-370"/>
        <source>What is wrong?</source>
        <translation>Was ist das Problem?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the symptom that fits best. The next pages walk through read-only checks and end with a PowerShell script.</source>
        <translation>Das am besten passende Symptom wählen. Die nächsten Seiten führen durch nur lesende Prüfungen und enden mit einem PowerShell-Skript.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Symptoms by scenario</source>
        <translation>Symptome nach Szenario</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>What the fix needs (* = required)</source>
        <translation>Was die Behebung braucht (* = erforderlich)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Choose a symptom on the left.</source>
        <translation>Links ein Symptom wählen.</translation>
    </message>
</context>
<context>
    <name>mwb::views::StepPage</name>
    <message>
        <location line="+35"/>
        <source>Why:</source>
        <translation>Warum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Look for:</source>
        <translation>Worauf achten:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run this read-only command in the Exchange Management Shell:</source>
        <translation>Diesen nur lesenden Befehl in der Exchange-Verwaltungsshell ausführen:</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Progress through the checks</source>
        <translation>Fortschritt der Prüfungen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>C&amp;opy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the command</source>
        <translation>Befehl kopieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read-only command to run</source>
        <translation>Auszuführender, nur lesender Befehl</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste its output here (for your notes):</source>
        <translation>Ausgabe hier einfügen (für Ihre Notizen):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste its output here; it is read and answers the question where it can:</source>
        <translation>Ausgabe hier einfügen; sie wird ausgewertet und beantwortet die Frage, wo möglich:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Output of the command</source>
        <translation>Ausgabe des Befehls</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output of the command above</source>
        <translation>Ausgabe des obigen Befehls</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the pasted output shows</source>
        <translation>Was die eingefügte Ausgabe zeigt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>I don&apos;t know</source>
        <translation>Weiß nicht</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Step %1 of about %2</source>
        <translation>Schritt %1 von etwa %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>That answers the question: %1.</source>
        <translation>Damit ist die Frage beantwortet: %1.</translation>
    </message>
</context>
<context>
    <name>mwb::views::SummaryPage</name>
    <message>
        <location line="+23"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the answers and the values; the script uses them.</source>
        <translation>Antworten und Werte prüfen; das Skript verwendet sie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Values for the script (* = required)</source>
        <translation>Werte für das Skript (* = erforderlich)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dry run: add -WhatIf to every changing command (nothing is changed)</source>
        <translation>Probelauf: -WhatIf an jeden ändernden Befehl anhängen (nichts wird geändert)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&lt;b&gt;From the pasted output:&lt;/b&gt;&lt;ul&gt;</source>
        <translation>&lt;b&gt;Aus der eingefügten Ausgabe:&lt;/b&gt;&lt;ul&gt;</translation>
    </message>
</context>
<context>
    <name>mwb::views::TranscriptView</name>
    <message>
        <location filename="../views/sessions/transcriptview.cpp" line="+162"/>
        <source>E&amp;xpected FQDN:</source>
        <translation>E&amp;rwarteter FQDN:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name clients use, e.g. mail.contoso.com</source>
        <translation>Name, den Clients verwenden, z. B. mail.contoso.com</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hide the certificate details</source>
        <translation>Zertifikatdetails ausblenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the certificate details</source>
        <translation>Zertifikatdetails anzeigen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Transcript</source>
        <translation>Mitschnitt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines of the selected session; Enter unfolds a reply, Ctrl+B bookmarks a line</source>
        <translation>Zeilen der ausgewählten Sitzung; Enter klappt eine Antwort auf, Ctrl+B setzt ein Lesezeichen auf eine Zeile</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unfold / fold reply</source>
        <translation>Antwort auf-/zuklappen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Raw log lines</source>
        <translation>Rohe Protokollzeilen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Raw lines</source>
        <translation>&amp;Rohzeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the log lines as written, with file and line number</source>
        <translation>Die Protokollzeilen wie geschrieben anzeigen, mit Datei und Zeilennummer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy as text</source>
        <translation>Als Text kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the whole transcript as plain text</source>
        <translation>Den ganzen Mitschnitt als reinen Text kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Journey</source>
        <translation>&amp;Weg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the message this session carried across the servers</source>
        <translation>Der Nachricht dieser Sitzung über die Server folgen</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>Session %1 — %2, %3 — %4 → %5</source>
        <translation>Sitzung %1 — %2, %3 — %4 → %5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — EHLO %1</source>
        <translation> — EHLO %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 runs %2</source>
        <translation>%1 läuft mit %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>handshake failed:</source>
        <translation>Handshake fehlgeschlagen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>attempted; the log does not show the handshake completing</source>
        <translation>versucht; das Protokoll zeigt keinen abgeschlossenen Handshake</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n certificate(s); unfold the card to see them and check a name.</source>
        <translation>
            <numerusform>%n Zertifikat; Karte aufklappen, um es zu sehen und einen Namen zu prüfen.</numerusform>
            <numerusform>%n Zertifikate; Karte aufklappen, um sie zu sehen und einen Namen zu prüfen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No certificate details in the log (enable verbose protocol logging).</source>
        <translation>Keine Zertifikatsdetails im Protokoll (ausführliche Protokollierung aktivieren).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Received certificate</source>
        <translation>Empfangenes Zertifikat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sending certificate</source>
        <translation>Gesendetes Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thumbprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Senders may expect another name (MX, smart host): type it above to check.</source>
        <translation>Absender erwarten vielleicht einen anderen Namen (MX, Smarthost): oben eingeben, um ihn zu prüfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The handshake failed all the same: type the name the sender expects (MX, smart host) above.</source>
        <translation>Der Handshake ist trotzdem fehlgeschlagen: oben den Namen eingeben, den der Absender erwartet (MX, Smarthost).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Names do NOT contain %1</source>
        <translation>Namen enthalten %1 NICHT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names contain %1, the name the peer expects</source>
        <translation>Die Namen enthalten %1, den Namen, den die Gegenseite erwartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Names do NOT contain %1, the name the peer expects</source>
        <translation>Die Namen enthalten NICHT %1, den Namen, den die Gegenseite erwartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its reply: %1</source>
        <translation>Ihre Antwort: %1</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>SANs</source>
        <translation>SANs</translation>
    </message>
    <message>
        <location line="-394"/>
        <source> waited %1 </source>
        <translation> %1 gewartet </translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Exchange version of the session&apos;s server</source>
        <translation>Exchange-Version des Servers der Sitzung</translation>
    </message>
    <message>
        <location line="+318"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Names not in the log (only the thumbprint)</source>
        <translation>Namen nicht im Protokoll (nur der Fingerabdruck)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names contain %1, the name in the server&apos;s banner.</source>
        <translation>Die Namen enthalten %1, den Namen aus dem Banner des Servers.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Names contain %1</source>
        <translation>Namen enthalten %1</translation>
    </message>
</context>
<context>
    <name>mwb::views::WelcomePage</name>
    <message>
        <location filename="../views/shell/welcomepage.cpp" line="+25"/>
        <source>Drop Exchange logs here</source>
        <translation>Exchange-Protokolle hier ablegen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SMTP protocol logs (Receive / Send), message tracking logs, Exchange Online message traces — files, folders or archives (.zip, .gz, .tar.gz).</source>
        <translation>SMTP-Protokolle (Empfang / Versand), Nachrichtenverfolgungsprotokolle, Exchange Online-Nachrichtenablaufverfolgungen — Dateien, Ordner oder Archive (.zip, .gz, .tar.gz).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;sample logs</source>
        <translation>&amp;Beispielprotokolle öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;logs…</source>
        <translation>&amp;Protokolle öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open f&amp;older…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open c&amp;ase…</source>
        <translation>&amp;Fall öffnen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Everything stays on this machine. Shortcuts: Ctrl+O open, Ctrl+F filter, Alt+←/→ back and forward, Ctrl+S save the case.</source>
        <translation>Alles bleibt auf diesem Rechner. Tastenkürzel: Ctrl+O öffnen, Ctrl+F filtern, Alt+←/→ zurück und vorwärts, Ctrl+S Fall speichern.</translation>
    </message>
</context>
<context>
    <name>mwb::views::Workspace</name>
    <message>
        <location filename="../views/sessions/workspace.cpp" line="+40"/>
        <source>&amp;Sessions</source>
        <translation>&amp;Sitzungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message &amp;journey</source>
        <translation>Nachrichten&amp;weg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Charts</source>
        <translation>&amp;Diagramme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Lesezeichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions table and transcript (Ctrl+1)</source>
        <translation>Sitzungstabelle und Mitschnitt (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message journey (Ctrl+2)</source>
        <translation>Nachrichtenweg (Ctrl+2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts (Ctrl+3)</source>
        <translation>Diagramme (Ctrl+3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookmarks (Ctrl+4)</source>
        <translation>Lesezeichen (Ctrl+4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Toggle &amp;Bookmark</source>
        <translation>&amp;Lesezeichen setzen/entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Toggle &amp;Bookmark on Line</source>
        <translation>Lesezeichen für Zeil&amp;e setzen/entfernen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next Pane</source>
        <translation>Nächster Bereich</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous Pane</source>
        <translation>Vorheriger Bereich</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bookmarks</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <location line="+308"/>
        <source>Apply as Filter: %1 = %2</source>
        <translation>Als Filter anwenden: %1 = %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy Value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy Row</source>
        <translation>Zeile kopieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy Session ID</source>
        <translation>Sitzungs-ID kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show Message Journey</source>
        <translation>Weg der Nachricht zeigen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>sessions of “%1”</source>
        <translation>Sitzungen von „%1“</translation>
    </message>
</context>
</TS>
