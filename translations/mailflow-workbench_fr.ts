<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+44"/>
        <source>Find out why Exchange mail does not flow, and fix it.</source>
        <translation>Trouver pourquoi le courrier Exchange ne circule pas, et le réparer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load the bundled sample logs.</source>
        <translation>Charger les journaux d’exemple fournis.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit when loading has finished (smoke tests).</source>
        <translation>Quitter une fois le chargement terminé (tests de fumée).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a PNG of the window after loading.</source>
        <translation>Enregistrer une image PNG de la fenêtre après le chargement.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log files, folders or archives to open.</source>
        <translation>Fichiers journaux, dossiers ou archives à ouvrir.</translation>
    </message>
    <message>
        <location filename="../model/core/cases/casefile.cpp" line="+97"/>
        <location line="+9"/>
        <location line="+48"/>
        <location line="+29"/>
        <location line="+329"/>
        <location line="+10"/>
        <source>Case file error: %1</source>
        <translation>Erreur du fichier de dossier : %1</translation>
    </message>
    <message>
        <location line="-406"/>
        <source>Case file error: PRAGMA %1 returned nothing</source>
        <translation>Erreur du fichier de dossier : PRAGMA %1 n’a rien renvoyé</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the table %1 is missing</source>
        <translation>la table %1 est absente</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the table %1 lacks the column(s) %2</source>
        <translation>la table %1 n’a pas la ou les colonnes %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not upgrade the case file to version %1: %2</source>
        <translation>Impossible de mettre à niveau le fichier de dossier vers la version %1 : %2</translation>
    </message>
    <message>
        <location line="+98"/>
        <location line="+3"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The SQLite driver of Qt (libqt6sql6-sqlite) is not installed.</source>
        <translation>Le pilote SQLite de Qt (libqt6sql6-sqlite) n’est pas installé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open the case file %1: %2</source>
        <translation>Impossible d’ouvrir le fichier de dossier %1 : %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a readable case file: %2</source>
        <translation>%1 n’est pas un fichier de dossier lisible : %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+67"/>
        <location line="+55"/>
        <source>%1 already exists.</source>
        <translation>%1 existe déjà.</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>The case file %1 does not exist.</source>
        <translation>Le fichier de dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a file.</source>
        <translation>%1 n’est pas un fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a Mailflow Workbench case file (it is not an SQLite database).</source>
        <translation>%1 n’est pas un fichier de dossier Mailflow Workbench (ce n’est pas une base SQLite).</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>The case file %1 is damaged: %2</source>
        <translation>Le fichier de dossier %1 est endommagé : %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The case file %1 is damaged.</source>
        <translation>Le fichier de dossier %1 est endommagé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is an SQLite database, but not a Mailflow Workbench case file.</source>
        <translation>%1 est une base SQLite, mais pas un fichier de dossier Mailflow Workbench.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case file %1 was written by a newer version of Mailflow Workbench (case format %2; this version reads up to %3).</source>
        <translation>Le fichier de dossier %1 a été écrit par une version plus récente de Mailflow Workbench (format %2 ; cette version lit jusqu’au format %3).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The case file %1 is incomplete and was not opened: %2</source>
        <translation>Le fichier de dossier %1 est incomplet et n’a pas été ouvert : %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+54"/>
        <source>Cannot save the case as %1: %2</source>
        <translation>Impossible d’enregistrer le dossier sous %1 : %2</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Cannot write the redacted copy %1: %2</source>
        <translation>Impossible d’écrire la copie anonymisée %1 : %2</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>The case has no source %1.</source>
        <translation>Le dossier ne contient pas la source %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read %1.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <location filename="../model/itemmodels/outcomestyle.cpp" line="+28"/>
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deferred</source>
        <translation>Différé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No mail</source>
        <translation>Aucun message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS failed</source>
        <translation>Échec TLS</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>build %1 (not in the table of Exchange Server builds)</source>
        <translation>build %1 (absent de la table des builds d’Exchange Server)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — OUT OF SUPPORT since %2</source>
        <translation>%1 — HORS SUPPORT depuis le %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — supported</source>
        <translation>%1 — pris en charge</translation>
    </message>
    <message>
        <location filename="../model/itemmodels/sessionfilter.cpp" line="+307"/>
        <source>SMTP code pattern &quot;%1&quot; is not like 451, 4.4.317 or 5.7.*</source>
        <translation>Le motif de code SMTP « %1 » n’a pas la forme 451, 4.4.317 ou 5.7.*</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Invalid regular expression: %1</source>
        <translation>Expression régulière non valide : %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&quot;%1&quot; is not a valid network (CIDR)</source>
        <translation>« %1 » n’est pas un réseau valide (CIDR)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The time range ends before it starts</source>
        <translation>La plage horaire se termine avant de commencer</translation>
    </message>
    <message>
        <location filename="../views/shell/reportexport.cpp" line="+109"/>
        <source>Could not write the PDF %1.</source>
        <translation>Impossible d’écrire le PDF %1.</translation>
    </message>
    <message>
        <location filename="../model/core/cases/casestate.cpp" line="+150"/>
        <source>Cannot write the case file %1.</source>
        <translation>Impossible d’écrire le fichier de dossier %1.</translation>
    </message>
    <message>
        <location filename="../model/itemmodels/bookmarksmodel.cpp" line="+25"/>
        <source>session %1</source>
        <translation>session %1</translation>
    </message>
</context>
<context>
    <name>mwb::BookmarksModel</name>
    <message>
        <location line="+27"/>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line %1 of %2 (session %3)</source>
        <translation>Ligne %1 de %2 (session %3)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Bookmark</source>
        <translation>Signet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
</context>
<context>
    <name>mwb::CaseController</name>
    <message>
        <location filename="../model/core/investigation/casecontroller.cpp" line="+30"/>
        <source>Unsaved case</source>
        <translation>Dossier non enregistré</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The case has not been saved yet: choose a file with Save Case As.</source>
        <translation>Le dossier n’a pas encore été enregistré : choisissez un fichier avec Enregistrer le dossier sous.</translation>
    </message>
</context>
<context>
    <name>mwb::ConfigurationModel</name>
    <message>
        <location filename="../model/itemmodels/configurationmodel.cpp" line="+73"/>
        <source>(server unknown)</source>
        <translation>(serveur inconnu)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Covers</source>
        <translation>Portée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+33"/>
        <source> (AdminDisplayVersion: the CU, not the SU)</source>
        <translation> (AdminDisplayVersion : le CU, pas le SU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(seen in the logs only)</source>
        <translation>(vu dans les journaux seulement)</translation>
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
        <translation>%1 depuis %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1; %2; %3; auth %4</source>
        <translation>%1; %2; %3; auth %4</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+22"/>
        <source>enabled</source>
        <translation>activé</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+22"/>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="-11"/>
        <source> via %1</source>
        <translation> via %1</translation>
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
        <translation>valide jusqu’au %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>validity unknown</source>
        <translation>validité inconnue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired %1</source>
        <translation>expiré le %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receive connectors</source>
        <translation>Connecteurs de réception</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send connectors</source>
        <translation>Connecteurs d’envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accepted domains</source>
        <translation>Domaines acceptés</translation>
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
        <translation>Causé par : %1</translation>
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
        <translation>Gravité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time span</source>
        <translation>Période</translation>
    </message>
</context>
<context>
    <name>mwb::Investigation</name>
    <message>
        <location filename="../model/core/investigation/investigation.cpp" line="+26"/>
        <source>reading</source>
        <translation>lecture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>grouping sessions</source>
        <translation>regroupement des sessions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>diagnosing sessions</source>
        <translation>diagnostic des sessions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>following messages</source>
        <translation>suivi du parcours des messages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finding faults</source>
        <translation>recherche des anomalies</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The clipboard holds no text.</source>
        <translation>Le presse-papiers ne contient pas de texte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pasted text is larger than 64 MB: save it as a file and open that instead.</source>
        <translation>Le texte collé dépasse 64 Mo : enregistrez-le dans un fichier et ouvrez plutôt ce fichier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The pasted text is not an Exchange log, message tracking log or message trace.</source>
        <translation>Le texte collé n’est ni un journal Exchange, ni un journal de suivi des messages, ni un suivi des messages Exchange Online.</translation>
    </message>
</context>
<context>
    <name>mwb::JourneyModel</name>
    <message>
        <location filename="../model/itemmodels/journeymodel.cpp" line="+64"/>
        <source>Open the protocol session %1</source>
        <translation>Ouvrir la session de protocole %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Session not loaded</source>
        <translation>Session non chargée</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (local)</source>
        <translation>Heure (locale)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connector</source>
        <translation>Connecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Message %1
From: %2
To: %3
Subject: %4
Status: %5, delay %6

</source>
        <translation>Message %1
De : %2
À : %3
Objet : %4
État : %5, délai %6

</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>From: %1</source>
        <translation>De : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To: %1</source>
        <translation>À : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject: %1</source>
        <translation>Objet : %1</translation>
    </message>
</context>
<context>
    <name>mwb::Report</name>
    <message>
        <location filename="../model/core/cases/report.cpp" line="+63"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dismissed</source>
        <translation>écarté</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>delivered</source>
        <translation>remis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deferred</source>
        <translation>différé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Mail flow investigation</source>
        <translation>Analyse du flux de messagerie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>en</source>
        <comment>HTML lang attribute of the report</comment>
        <translation>fr</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Generated %1 by Mailflow Workbench %2.</source>
        <translation>Généré le %1 par Mailflow Workbench %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redacted for sharing: addresses, user names, domains, IP addresses, host names and subjects are replaced by consistent pseudonyms.</source>
        <translation>Anonymisé pour le partage : adresses, noms d’utilisateur, domaines, adresses IP, noms d’hôte et objets sont remplacés par des pseudonymes cohérents.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+195"/>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location line="-194"/>
        <location line="+59"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+62"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+32"/>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>First record</source>
        <translation>Premier enregistrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last record</source>
        <translation>Dernier enregistrement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time span</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>File</source>
        <translation>Fichier</translation>
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
        <translation>Serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreadable</source>
        <translation>Illisible</translation>
    </message>
    <message>
        <location line="-104"/>
        <location line="+25"/>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Sessions by outcome</source>
        <translation>Sessions par résultat</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Occurrences per finding</source>
        <translation>Occurrences par constat</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>No faults were found in the loaded logs.</source>
        <translation>Aucune anomalie n’a été trouvée dans les journaux chargés.</translation>
    </message>
    <message numerus="yes">
        <location line="-16"/>
        <source>%1 (%n file(s))</source>
        <translation>
            <numerusform>%1 (%n fichier)</numerusform>
            <numerusform>%1 (%n fichiers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>and %n more folder(s)</source>
        <translation>
            <numerusform>et %n autre dossier</numerusform>
            <numerusform>et %n autres dossiers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources:</source>
        <translation>Sources :</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occurrences</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First</source>
        <translation>Premier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last</source>
        <translation>Dernier</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>(and %n more)</source>
        <translation>
            <numerusform>(et %n autre)</numerusform>
            <numerusform>(et %n autres)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remediation scenario</source>
        <translation>Scénario de correction</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence:</source>
        <translation>Preuves :</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>(and %n more lines)</source>
        <translation>
            <numerusform>(et %n autre ligne)</numerusform>
            <numerusform>(et %n autres lignes)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Charts of the sessions: outcomes and errors over time, top remote hosts and error codes</source>
        <translation>Graphiques des sessions : résultats et erreurs dans le temps, hôtes distants et codes d’erreur les plus fréquents</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Message journeys</source>
        <translation>Parcours des messages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every traced message was delivered.</source>
        <translation>Chaque message suivi a été remis.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next hop</source>
        <translation>Saut suivant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipient status</source>
        <translation>État du destinataire</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Session notes</source>
        <translation>Notes de session</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remediation scripts</source>
        <translation>Scripts de correction</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Appendix: source files</source>
        <translation>Annexe : fichiers sources</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n value(s) replaced by pseudonyms.</source>
        <translation>
            <numerusform>%n valeur remplacée par des pseudonymes.</numerusform>
            <numerusform>%n valeurs remplacées par des pseudonymes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>Cannot write the report %1: %2</source>
        <translation>Impossible d’écrire le rapport %1 : %2</translation>
    </message>
</context>
<context>
    <name>mwb::SessionTableModel</name>
    <message>
        <location filename="../model/itemmodels/sessiontablemodel.cpp" line="+47"/>
        <source>Receive</source>
        <translation>Réception</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attempted</source>
        <translation>tenté</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 — bookmarked</source>
        <translation>%1 — dans les signets</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (local)</source>
        <translation>Heure (locale)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connector</source>
        <translation>Connecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote endpoint</source>
        <translation>Point distant</translation>
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
        <translation>Expéditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rcpts</source>
        <translation>Dest.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message-IDs</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final reply</source>
        <translation>Dernière réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
</context>
<context>
    <name>mwb::Transcript</name>
    <message>
        <location filename="../model/core/common/transcripttext.cpp" line="+26"/>
        <source>%1 of silence</source>
        <translation>%1 de silence</translation>
    </message>
</context>
<context>
    <name>mwb::TranscriptModel</name>
    <message>
        <location filename="../model/itemmodels/transcriptmodel.cpp" line="+95"/>
        <source>file %1</source>
        <translation>fichier %1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>
Bookmarked</source>
        <translation>
Dans les signets</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (local)</source>
        <translation>Heure (locale)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+s</source>
        <translation>+s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dir</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Session %1 on %2 (%3) %4 → %5
</source>
        <translation>Session %1 sur %2 (%3) %4 → %5
</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session %1 on %2, %3 → %4</source>
        <translation>Session %1 sur %2, %3 → %4</translation>
    </message>
</context>
<context>
    <name>mwb::ingest::ExchangeLogFolders</name>
    <message>
        <location filename="../model/core/ingest/exchangefolders.cpp" line="+23"/>
        <source>Front End Transport — SMTP receive</source>
        <translation>Transport frontal — réception SMTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Front End Transport — SMTP send</source>
        <translation>Transport frontal — envoi SMTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transport service — SMTP receive</source>
        <translation>Service de transport — réception SMTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transport service — SMTP send</source>
        <translation>Service de transport — envoi SMTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mailbox Transport — SMTP receive</source>
        <translation>Transport de boîtes aux lettres — réception SMTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mailbox Transport — SMTP send</source>
        <translation>Transport de boîtes aux lettres — envoi SMTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edge Transport — SMTP receive</source>
        <translation>Transport Edge — réception SMTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edge Transport — SMTP send</source>
        <translation>Transport Edge — envoi SMTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message tracking</source>
        <translation>Suivi des messages</translation>
    </message>
</context>
<context>
    <name>mwb::ingest::PathCheck</name>
    <message>
        <location filename="../model/core/ingest/pathcheck.cpp" line="+37"/>
        <source>cannot be read (%1)</source>
        <translation>illisible (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>empty file</source>
        <translation>fichier vide</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>binary file, not an Exchange log</source>
        <translation>fichier binaire, pas un journal Exchange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsupported file type .%1 (binary, not a log)</source>
        <translation>type de fichier .%1 non pris en charge (binaire, pas un journal)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not an Exchange log or message trace</source>
        <translation>ni un journal Exchange ni un suivi des messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsupported file type .%1 (not an Exchange log or message trace)</source>
        <translation>type de fichier .%1 non pris en charge (ni un journal Exchange ni un suivi des messages)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 — not found</source>
        <translation>%1 — introuvable</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — not a regular file (%2)</source>
        <translation>%1 — pas un fichier normal (%2)</translation>
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
        <translation>Signets</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the bookmarked session or line (Enter)</source>
        <translation>Afficher la session ou la ligne du signet (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Open bookmark</source>
        <translation>Ouvrir le signet</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Re&amp;move</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected bookmark (Delete)</source>
        <translation>Supprimer le signet sélectionné (Delete)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Remove bookmark</source>
        <translation>Supprimer le signet</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Ctrl+B bookmarks the selected session or transcript line. F2 renames a bookmark.</source>
        <translation>Ctrl+B ajoute un signet sur la session ou la ligne de transcription sélectionnée. F2 renomme un signet.</translation>
    </message>
</context>
<context>
    <name>mwb::views::CaseActions</name>
    <message>
        <location filename="../views/shell/caseactions.cpp" line="+43"/>
        <source>&amp;New Case</source>
        <translation>&amp;Nouveau dossier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;Case…</source>
        <translation>Ouvr&amp;ir un dossier d’analyse…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+O</source>
        <translation>Ctrl+Alt+O</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open case</source>
        <translation>Ouvrir un dossier d’analyse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailflow Workbench cases (*.mwbcase);;All files (*)</source>
        <translation>Dossiers Mailflow Workbench (*.mwbcase);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save Case</source>
        <translation>&amp;Enregistrer le dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Case &amp;As…</source>
        <translation>Enregistrer le dossier &amp;sous…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case &amp;Contents…</source>
        <translation>&amp;Contenu du dossier…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+I</source>
        <translation>Ctrl+Alt+I</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark Finding &amp;Confirmed</source>
        <translation>Marquer le constat comme &amp;confirmé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark Finding &amp;Dismissed</source>
        <translation>Marquer le constat comme &amp;écarté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark Finding as &amp;New</source>
        <translation>Marquer le constat comme &amp;nouveau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finding &amp;Note…</source>
        <translation>No&amp;te sur le constat…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+N</source>
        <translation>Ctrl+Alt+N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note on the &amp;Session…</source>
        <translation>Note sur la &amp;session…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+M</source>
        <translation>Ctrl+Alt+M</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open Recent Cas&amp;e</source>
        <translation>Ouvrir un dossier récen&amp;t</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>F&amp;inding</source>
        <translation>&amp;Constat</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This finding is marked as confirmed and has a note</source>
        <translation>Ce constat est marqué comme confirmé et a une note</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This finding is marked as confirmed</source>
        <translation>Ce constat est marqué comme confirmé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This finding is marked as dismissed and has a note</source>
        <translation>Ce constat est marqué comme écarté et a une note</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This finding is marked as dismissed</source>
        <translation>Ce constat est marqué comme écarté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This finding has a note (Edit &gt; Finding &gt; Note)</source>
        <translation>Ce constat a une note (Édition &gt; Constat &gt; Note)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1[*] — Mailflow Workbench</source>
        <translation>%1[*] — Mailflow Workbench</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Clear Recent Cases</source>
        <translation>&amp;Effacer la liste des dossiers</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Log file of the case</source>
        <translation>Fichier journal du dossier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The log file %1 was not found. It may have been moved or deleted.</source>
        <translation>Le fichier journal %1 est introuvable. Il a peut-être été déplacé ou supprimé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The log file %1 has a different size than when the case was saved (%2 instead of %3 bytes).</source>
        <translation>Le fichier journal %1 n’a plus la même taille qu’à l’enregistrement du dossier (%2 octets au lieu de %3).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The content of the log file %1 has changed since the case was saved (different SHA-256).</source>
        <translation>Le contenu du fichier journal %1 a changé depuis l’enregistrement du dossier (SHA-256 différent).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Locate the file, or skip it: the rest of the case opens either way.</source>
        <translation>Localisez le fichier ou ignorez-le : le reste du dossier s’ouvre dans tous les cas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Locate…</source>
        <translation>&amp;Localiser…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load &amp;Anyway</source>
        <translation>Charger &amp;quand même</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Skip</source>
        <translation>&amp;Ignorer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Locate %1</source>
        <translation>Localiser %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Relocated: %1.</source>
        <translation>Nouvel emplacement : %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed since the case was saved: %1.</source>
        <translation>Modifié depuis l’enregistrement du dossier : %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not loaded (missing or changed): %1.</source>
        <translation>Non chargé (manquant ou modifié) : %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The collection zip %1 is gone or was skipped: the configuration shown is the copy saved in the case.</source>
        <translation>Le zip de collecte %1 est introuvable ou a été ignoré : la configuration affichée est la copie enregistrée dans le dossier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opened case %1</source>
        <translation>Dossier %1 ouvert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not open the case %1: %2</source>
        <translation>Impossible d’ouvrir le dossier %1 : %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not recover the autosaved case: %1</source>
        <translation>Impossible de récupérer le dossier enregistré automatiquement : %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recover unsaved case</source>
        <translation>Récupérer le dossier non enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailflow Workbench found work from a case that was never saved. Recover it?</source>
        <translation>Mailflow Workbench a trouvé le travail d’un dossier qui n’a jamais été enregistré. Le récupérer ?</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+12"/>
        <source>Saved the case to %1</source>
        <translation>Dossier enregistré dans %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Could not save the case: %1</source>
        <translation>Impossible d’enregistrer le dossier : %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save case</source>
        <translation>Enregistrer le dossier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>investigation.mwbcase</source>
        <translation>analyse.mwbcase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailflow Workbench cases (*.mwbcase)</source>
        <translation>Dossiers Mailflow Workbench (*.mwbcase)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unsaved case</source>
        <translation>Dossier non enregistré</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The case %1 has unsaved changes. Save them?</source>
        <translation>Le dossier %1 contient des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New case — drop Exchange logs on the window or open them from the File menu</source>
        <translation>Nouveau dossier — déposez des journaux Exchange sur la fenêtre ou ouvrez-les depuis le menu Fichier</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Autosave failed: %1</source>
        <translation>Échec de l’enregistrement automatique : %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dismissed</source>
        <translation>écarté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding “%1” marked as %2</source>
        <translation>Constat « %1 » marqué comme %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a finding to add a note to it.</source>
        <translation>Sélectionnez un constat pour y ajouter une note.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note on the finding</source>
        <translation>Note sur le constat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note on “%1”:</source>
        <translation>Note sur « %1 » :</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select a session to add a note to it.</source>
        <translation>Sélectionnez une session pour y ajouter une note.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note on the session</source>
        <translation>Note sur la session</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note on session %1:</source>
        <translation>Note sur la session %1 :</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The wizard&apos;s script was added to the case</source>
        <translation>Le script de l’assistant a été ajouté au dossier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Log files</source>
        <translation>Fichiers journaux</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finding states</source>
        <translation>États des constats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wizard scripts</source>
        <translation>Scripts de l’assistant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Console transcripts</source>
        <translation>Transcriptions de la console</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case Contents</source>
        <translation>Contenu du dossier</translation>
    </message>
</context>
<context>
    <name>mwb::views::CertificateInspector</name>
    <message>
        <location filename="../views/console/certificateinspector.cpp" line="+38"/>
        <location line="+45"/>
        <source>Copy thumbprint</source>
        <translation>Copier l’empreinte</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix in the certificate scenario…</source>
        <translation>Corriger dans le scénario de certificat…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;I&gt;issuer&lt;S&gt;subject appears after STARTTLS</source>
        <translation>&lt;I&gt;émetteur&lt;S&gt;sujet apparaît après STARTTLS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TlsCertificateName:</source>
        <translation>TlsCertificateName :</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>TLS summary</source>
        <translation>Résumé TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate verification</source>
        <translation>Vérification du certificat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate name check</source>
        <translation>Vérification du nom du certificat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate chain</source>
        <translation>Chaîne de certificats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TlsCertificateName</source>
        <translation>TlsCertificateName</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy TlsCertificateName</source>
        <translation>Copier TlsCertificateName</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix in the certificate scenario</source>
        <translation>Corriger dans le scénario de certificat</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No TLS session yet. Connect with STARTTLS or implicit TLS to inspect the certificate.</source>
        <translation>Pas encore de session TLS. Connectez-vous avec STARTTLS ou TLS implicite pour inspecter le certificat.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&lt;b&gt;%1&lt;/b&gt;, cipher &lt;b&gt;%2&lt;/b&gt; (%3 bits), %4 certificate(s) in the chain</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, chiffrement &lt;b&gt;%2&lt;/b&gt; (%3 bits), %4 certificat(s) dans la chaîne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verification: %1</source>
        <translation>Vérification : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name check for %1: %2</source>
        <translation>Vérification du nom pour %1 : %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name check: enter the FQDN you expect (the connector&apos;s FQDN) to check the names.</source>
        <translation>Vérification du nom : saisissez le FQDN attendu (celui du connecteur) pour vérifier les noms.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server certificate</source>
        <translation>Certificat du serveur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issuer %1</source>
        <translation>Émetteur %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  (EXPIRED)</source>
        <translation>  (EXPIRÉ)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>  (not yet valid)</source>
        <translation>  (pas encore valide)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternative names</source>
        <translation>Autres noms</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Valid</source>
        <translation>Validité</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thumbprint (SHA-1)</source>
        <translation>Empreinte (SHA-1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-signed</source>
        <translation>Auto-signé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>mwb::views::ChartsView</name>
    <message>
        <location filename="../views/sessions/chartsview.cpp" line="+56"/>
        <source>Sessions over time by outcome</source>
        <translation>Sessions dans le temps par résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error replies over time by SMTP class</source>
        <translation>Réponses d’erreur dans le temps par classe SMTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top remote hosts</source>
        <translation>Hôtes distants les plus fréquents</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Top error codes</source>
        <translation>Codes d’erreur les plus fréquents</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click a time to filter the sessions to it; drag to zoom and filter to a range; right-click to zoom out</source>
        <translation>Cliquez sur un instant pour filtrer les sessions ; faites glisser pour zoomer et filtrer une plage ; clic droit pour dézoomer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Réinitialiser le zoom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the whole time range again (the sessions filter stays)</source>
        <translation>Afficher de nouveau toute la période (le filtre des sessions est conservé)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>All %1 sessions</source>
        <translation>Toutes les %1 sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 sessions: the charts follow the sessions filter</source>
        <translation>%1 sessions sur %2 : les graphiques suivent le filtre des sessions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> — zoomed to %1 – %2</source>
        <translation> — zoom sur %1 – %2</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+2"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>local time</source>
        <translation>heure locale</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>4xx transient</source>
        <translation>4xx temporaire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>5xx permanent</source>
        <translation>5xx permanent</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Mailflow Workbench charts</source>
        <translation>Graphiques Mailflow Workbench</translation>
    </message>
</context>
<context>
    <name>mwb::views::CollectDialog</name>
    <message>
        <location filename="../views/shell/collectdialog.cpp" line="+22"/>
        <source>Also write the &amp;Exchange Online script (connectors, message trace of the window)</source>
        <translation>Écrire aussi le script &amp;Exchange Online (connecteurs, suivi des messages de la période)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Collect Evidence</source>
        <translation>Collecter les preuves</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>empty: every transport server Get-TransportService lists; else EX01,EX02</source>
        <translation>vide : tous les serveurs de transport listés par Get-TransportService ; sinon EX01,EX02</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The script copies the SMTP protocol, message tracking and connectivity logs of every transport server for the window, and the transport configuration (connectors, certificates without private keys, accepted domains, servers) as JSON, into one zip with a manifest. It only reads: it changes nothing in Exchange, Active Directory, services, the registry or the firewall. Run it in the Exchange Management Shell; run it on each Edge server separately.</source>
        <translation>Le script copie les journaux de protocole SMTP, de suivi des messages et de connectivité de chaque serveur de transport pour la période, ainsi que la configuration de transport (connecteurs, certificats sans clés privées, domaines acceptés, serveurs) au format JSON, dans un seul fichier zip avec un manifeste. Il ne fait que lire : il ne modifie rien dans Exchange, Active Directory, les services, le Registre ou le pare-feu. Exécutez-le dans Exchange Management Shell ; exécutez-le séparément sur chaque serveur de transport Edge.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Servers:</source>
        <translation>&amp;Serveurs :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Write Script…</source>
        <translation>É&amp;crire le script…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder for the collection script</source>
        <translation>Dossier du script de collecte</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrote %1. Copy it to an Exchange server, run it in the Exchange Management Shell, then drop the zip it makes on this window.</source>
        <translation>%1 écrit. Copiez-le sur un serveur Exchange, exécutez-le dans Exchange Management Shell, puis déposez sur cette fenêtre le fichier zip qu’il produit.</translation>
    </message>
</context>
<context>
    <name>mwb::views::ConsoleWidget</name>
    <message>
        <location filename="../views/console/consolewidget.cpp" line="+109"/>
        <location line="+203"/>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <location line="-202"/>
        <location line="+203"/>
        <source>Quick test</source>
        <translation>Test rapide</translation>
    </message>
    <message>
        <location line="-202"/>
        <location line="+203"/>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>Save transcript…</source>
        <translation>Enregistrer la transcription…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+202"/>
        <source>Save profile</source>
        <translation>Enregistrer le profil</translation>
    </message>
    <message>
        <location line="-201"/>
        <location line="+210"/>
        <source>Raw bytes (hex)</source>
        <translation>Octets bruts (hex)</translation>
    </message>
    <message>
        <location line="-209"/>
        <location line="+210"/>
        <source>Timings</source>
        <translation>Durées</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>Fault: DATA without &lt;CRLF&gt;.&lt;CRLF&gt;</source>
        <translation>Défaut : DATA sans &lt;CRLF&gt;.&lt;CRLF&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+210"/>
        <source>Allow AUTH without TLS</source>
        <translation>Autoriser AUTH sans TLS</translation>
    </message>
    <message>
        <location line="-207"/>
        <source>Send</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>host or IP</source>
        <translation>hôte ou IP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plain</source>
        <translation>En clair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Implicit TLS (465)</source>
        <translation>TLS implicite (465)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FQDN the certificate must cover</source>
        <translation>FQDN que le certificat doit couvrir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sends the password readable on the network; only for lab servers.</source>
        <translation>Envoie le mot de passe en clair sur le réseau ; uniquement pour des serveurs de test.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reproduces the 354 stall: the body is sent, the terminator is not.</source>
        <translation>Reproduit le blocage après 354 : le corps est envoyé, pas la terminaison.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mailflow Workbench test</source>
        <translation>Test Mailflow Workbench</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SMTP command, e.g. EHLO, STARTTLS, MAIL FROM:&lt;a@b&gt;, DATA, QUIT — Tab completes, ↑/↓ history</source>
        <translation>Commande SMTP, p. ex. EHLO, STARTTLS, MAIL FROM:&lt;a@b&gt;, DATA, QUIT — Tab complète, ↑/↓ historique</translation>
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
        <translation>Hôte</translation>
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
        <translation>EHLO en tant que</translation>
    </message>
    <message>
        <location line="-140"/>
        <location line="+141"/>
        <source>Expected certificate name</source>
        <translation>Nom de certificat attendu</translation>
    </message>
    <message>
        <location line="-122"/>
        <location line="+131"/>
        <source>Capabilities</source>
        <translation>Capacités</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1… no reply for %2 s</source>
        <translation>%1… aucune réponse depuis %2 s</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+57"/>
        <source>Save transcript</source>
        <translation>Enregistrer la transcription</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Text (*.txt)</source>
        <translation>Texte (*.txt)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved connection profile</source>
        <translation>Profil de connexion enregistré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SMTP transcript</source>
        <translation>Transcription SMTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C → lines were sent by this console, S ← lines came from the server, ! marks a warning, !! an error</source>
        <translation>C → lignes envoyées par cette console, S ← lignes reçues du serveur, ! signale un avertissement, !! une erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session details</source>
        <translation>Détails de la session</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test message</source>
        <translation>Message de test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP command</source>
        <translation>Commande SMTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send command</source>
        <translation>Envoyer la commande</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fault: DATA without terminator</source>
        <translation>Défaut : DATA sans terminaison</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection state</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Password for %1</source>
        <translation>Mot de passe pour %1</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Send a test message?</source>
        <translation>Envoyer un message de test ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This sends the message text below to %1 for real: with accepted recipients (%2) it is delivered like any other mail.</source>
        <translation>Le texte du message ci-dessous va être réellement envoyé à %1 : avec des destinataires acceptés (%2), il est remis comme n’importe quel autre courrier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server</source>
        <translation>le serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none given yet</source>
        <translation>aucun indiqué pour l’instant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not ask again</source>
        <translation>Ne plus demander</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Connected, encrypted</source>
        <translation>Connecté, chiffré</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Greeting: %1</source>
        <translation>Message d’accueil : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIZE: %1</source>
        <translation>SIZE : %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not announced</source>
        <translation>non annoncé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no limit</source>
        <translation>aucune limite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 bytes (%2 MB)</source>
        <translation>%1 octets (%2 Mo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS: %1    X-ANONYMOUSTLS: %2</source>
        <translation>STARTTLS : %1    X-ANONYMOUSTLS : %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AUTH: %1</source>
        <translation>AUTH : %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X-EXPS: %1</source>
        <translation>X-EXPS : %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none (no Exchange server authentication offered)</source>
        <translation>aucun (pas d’authentification de serveur Exchange proposée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>8BITMIME: %1  BINARYMIME: %2  CHUNKING: %3</source>
        <translation>8BITMIME : %1  BINARYMIME : %2  CHUNKING : %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTPUTF8: %1  DSN: %2  PIPELINING: %3  ENHANCEDSTATUSCODES: %4</source>
        <translation>SMTPUTF8 : %1  DSN : %2  PIPELINING : %3  ENHANCEDSTATUSCODES : %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other: %1</source>
        <translation>Autres : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capabilities change after STARTTLS: run EHLO again once encrypted.</source>
        <translation>Les capacités changent après STARTTLS : renvoyez EHLO une fois la connexion chiffrée.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>after %1</source>
        <translation>après %1</translation>
    </message>
</context>
<context>
    <name>mwb::views::DnsPanel</name>
    <message>
        <location filename="../views/console/dnspanel.cpp" line="+18"/>
        <location line="+19"/>
        <source>Look up</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>Probe MX in priority order</source>
        <translation>Tester les MX par ordre de priorité</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>domain or IP address</source>
        <translation>domaine ou adresse IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resolver IP[:port] (empty = system)</source>
        <translation>IP du résolveur[:port] (vide = système)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name or IP:</source>
        <translation>Nom ou IP :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolver:</source>
        <translation>Résolveur :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name or IP address to look up</source>
        <translation>Nom ou adresse IP à rechercher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolver</source>
        <translation>Résolveur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DNS status</source>
        <translation>État DNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS answers</source>
        <translation>Réponses DNS</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Enter a domain name or an IP address.</source>
        <translation>Saisissez un nom de domaine ou une adresse IP.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Asking %1…</source>
        <translation>Interrogation de %1…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>MX</source>
        <translation>MX</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none: mail goes to the A record, if any</source>
        <translation>aucun : le courrier va à l’enregistrement A, s’il existe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 host(s), double-click to connect</source>
        <translation>%1 hôte(s), double-cliquez pour vous connecter</translation>
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
        <translation>aucun</translation>
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
        <translation>aucun : les destinataires ne peuvent pas vérifier qui peut envoyer pour ce domaine</translation>
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
        <translation>non valide : %1</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>record id=%1, policy not fetched: %2</source>
        <translation>enregistrement id=%1, stratégie non récupérée : %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mode %1, max_age %2 s</source>
        <translation>mode %1, max_age %2 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Content-Type</source>
        <translation>Content-Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT USABLE: %1</source>
        <translation>INUTILISABLE : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mx</source>
        <translation>mx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>covered by the policy</source>
        <translation>couvert par la stratégie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NOT covered: senders that enforce the policy refuse it</source>
        <translation>NON couvert : les expéditeurs qui appliquent la stratégie le refusent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TLS-RPT</source>
        <translation>TLS-RPT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none: nobody receives reports of failed TLS to this domain</source>
        <translation>aucun : personne ne reçoit de rapports sur les échecs TLS vers ce domaine</translation>
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
            <numerusform>%n enregistrement, DNSSEC %1</numerusform>
            <numerusform>%n enregistrements, DNSSEC %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 of %2 MX</source>
        <translation>%1 MX sur %2</translation>
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
        <translation>Listes de blocage</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+26"/>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LISTED %1 — %2</source>
        <translation>LISTÉ %1 — %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>not listed</source>
        <translation>non listé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>listed on %1</source>
        <translation>listé sur %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 via %2</source>
        <translation>%1 via %2</translation>
    </message>
</context>
<context>
    <name>mwb::views::DomainCheckDialog</name>
    <message>
        <location filename="../views/console/domaincheckdialog.cpp" line="+20"/>
        <source>&amp;Check</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Save Report…</source>
        <translation>&amp;Enregistrer le rapport…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check Domain</source>
        <translation>Vérifier un domaine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contoso.com</source>
        <translation>contoso.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: &lt;I&gt;issuer&lt;S&gt;subject the hybrid connectors expect</source>
        <translation>facultatif : &lt;I&gt;émetteur&lt;S&gt;sujet attendu par les connecteurs hybrides</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional: resolver IP[:port]; empty = the system&apos;s</source>
        <translation>facultatif : IP du résolveur[:port] ; vide = celui du système</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Domain:</source>
        <translation>&amp;Domaine :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xpected certificate:</source>
        <translation>Certificat &amp;attendu :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resolver:</source>
        <translation>&amp;Résolveur :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MX</source>
        <translation>MX</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open &amp;Scenario</source>
        <translation>Ouvrir le &amp;scénario</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Save domain check report</source>
        <translation>Enregistrer le rapport de vérification du domaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>domain-check.html</source>
        <translation>verification-domaine.html</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved the report to %1</source>
        <translation>Rapport enregistré dans %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Type the domain to check.</source>
        <translation>Saisissez le domaine à vérifier.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resolver: %1</source>
        <translation>Résolveur : %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking %1: DNS, then every MX with STARTTLS…</source>
        <translation>Vérification de %1 : DNS, puis chaque MX avec STARTTLS…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>fail</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warn</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pass</source>
        <translation>réussite</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1
Scenario: %2</source>
        <translation>%1
Scénario : %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 failed, %3 warned, %4 checks</source>
        <translation>%1 : %2 en échec, %3 avec avertissement, %4 vérifications</translation>
    </message>
</context>
<context>
    <name>mwb::views::ExportActions</name>
    <message>
        <location filename="../views/shell/exportactions.cpp" line="+39"/>
        <source>Export Sessions Table as &amp;CSV…</source>
        <translation>Exporter la table des sessions en &amp;CSV…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;Transcript…</source>
        <translation>Exporter la &amp;transcription…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;Journey…</source>
        <translation>Exporter le &amp;parcours…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+J</source>
        <translation>Ctrl+Alt+J</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export C&amp;harts as Image…</source>
        <translation>Exporter les &amp;graphiques en image…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redact Exports</source>
        <translation>&amp;Anonymiser les exports</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace addresses, domains, IP addresses, host and connector names, GUIDs, user names and subjects with pseudonyms in the CSV, transcript, journey and chart exports</source>
        <translation>Remplacer les adresses, domaines, adresses IP, noms d’hôtes et de connecteurs, GUID, noms d’utilisateurs et objets par des pseudonymes dans les exports CSV, de transcription, de parcours et de graphiques</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report as &amp;HTML…</source>
        <translation>Rapport en &amp;HTML…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+H</source>
        <translation>Ctrl+Alt+H</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report as &amp;PDF…</source>
        <translation>Rapport en &amp;PDF…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export &amp;Report</source>
        <translation>Exporter le &amp;rapport</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+126"/>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Export sessions as CSV</source>
        <translation>Exporter les sessions en CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sessions.csv</source>
        <translation>sessions.csv</translation>
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
            <numerusform>%n session exportée vers %1</numerusform>
            <numerusform>%n sessions exportées vers %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export transcript</source>
        <translation>Exporter la transcription</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>transcript.html</source>
        <translation>transcription.html</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>HTML (*.html);;Text (*.txt)</source>
        <translation>HTML (*.html);;Texte (*.txt)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exported the transcript to %1</source>
        <translation>Transcription exportée vers %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export message journey</source>
        <translation>Exporter le parcours du message</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>journey.html</source>
        <translation>parcours.html</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported the journey to %1</source>
        <translation>Parcours exporté vers %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export charts</source>
        <translation>Exporter les graphiques</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>charts.png</source>
        <translation>graphiques.png</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not write %1</source>
        <translation>Impossible d’écrire %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported the charts to %1</source>
        <translation>Graphiques exportés vers %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mail flow investigation: %1</source>
        <translation>Analyse du flux de messagerie : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remediation script (%1)</source>
        <translation>Script de correction (%1)</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+23"/>
        <source>Load logs first: the report describes what is loaded.</source>
        <translation>Chargez d’abord des journaux : le rapport décrit ce qui est chargé.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Exported the redacted report to %1</source>
        <translation>Rapport anonymisé exporté vers %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported the report to %1</source>
        <translation>Rapport exporté vers %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export report as PDF</source>
        <translation>Exporter le rapport en PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export report as HTML</source>
        <translation>Exporter le rapport en HTML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report.pdf</source>
        <translation>rapport.pdf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>report.html</source>
        <translation>rapport.html</translation>
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
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GUID</source>
        <translation>GUID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenant (provider name)</source>
        <translation>Locataire (nom du fournisseur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connector</source>
        <translation>Connecteur</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Export Report as PDF</source>
        <translation>Exporter le rapport en PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Report as HTML</source>
        <translation>Exporter le rapport en HTML</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The report contains the summary, the findings with evidence, message journeys, charts, generated scripts and your notes.</source>
        <translation>Le rapport contient le résumé, les constats avec leurs preuves, les parcours des messages, les graphiques, les scripts générés et vos notes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Redact for sharing (replace addresses, user names, domains, IP addresses, host names and subjects with pseudonyms)</source>
        <translation>&amp;Anonymiser pour le partage (remplacer les adresses, noms d’utilisateur, domaines, adresses IP, noms d’hôte et objets par des pseudonymes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redact for sharing</source>
        <translation>Anonymiser pour le partage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Domains kept as they are</source>
        <translation>Domaines conservés tels quels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma-separated; sub-domains are kept too</source>
        <translation>Séparés par des virgules ; les sous-domaines sont aussi conservés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep these domains:</source>
        <translation>&amp;Conserver ces domaines :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Preview Replacements</source>
        <translation>A&amp;perçu des remplacements</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replacements: original and pseudonym</source>
        <translation>Remplacements : original et pseudonyme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pseudonym</source>
        <translation>Pseudonyme</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing is replaced: the report shows the logs as they are.</source>
        <translation>Rien n’est remplacé : le rapport montre les journaux tels quels.</translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>%n value(s) will be replaced; SMTP codes, times and the structure stay as they are.</source>
        <translation>
            <numerusform>%n valeur sera remplacée ; les codes SMTP, les heures et la structure restent inchangés.</numerusform>
            <numerusform>%n valeurs seront remplacées ; les codes SMTP, les heures et la structure restent inchangés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mwb::views::FindingDetails</name>
    <message>
        <location filename="../views/sessions/findingsview.cpp" line="+144"/>
        <source>Show &amp;sessions</source>
        <translation>Afficher les &amp;sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in &amp;wizard</source>
        <translation>Ouvrir dans l’&amp;assistant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the sessions of this finding in the sessions table</source>
        <translation>Afficher les sessions de ce constat dans la table des sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the remediation wizard with the scenario and parameters of this finding</source>
        <translation>Ouvrir l’assistant de correction avec le scénario et les paramètres de ce constat</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Select a finding to see what it means and the log lines that prove it.</source>
        <translation>Sélectionnez un constat pour voir ce qu’il signifie et les lignes de journal qui le prouvent.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n occurrence(s)</source>
        <translation>
            <numerusform>%n occurrence</numerusform>
            <numerusform>%n occurrences</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Servers: %1</source>
        <translation>Serveurs : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codes: %1</source>
        <translation>Codes : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From %1 to %2 (UTC)</source>
        <translation>Du %1 au %2 (UTC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages: %1</source>
        <translation>Messages : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remediation scenario: %1</source>
        <translation>Scénario de correction : %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Evidence</source>
        <translation>Preuves</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>file %1</source>
        <translation>fichier %1</translation>
    </message>
</context>
<context>
    <name>mwb::views::HelpBrowser</name>
    <message>
        <location filename="../views/shell/helpbrowser.cpp" line="+36"/>
        <source>Mailflow Workbench Help</source>
        <translation>Aide de Mailflow Workbench</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+70"/>
        <source>Filtering sessions</source>
        <translation>Filtrer les sessions</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+88"/>
        <source>Session outcomes</source>
        <translation>Résultats des sessions</translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+99"/>
        <source>Transcript and TLS card</source>
        <translation>Transcription et fiche TLS</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+107"/>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+116"/>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+123"/>
        <location line="+18"/>
        <source>SMTP console</source>
        <translation>Console SMTP</translation>
    </message>
    <message>
        <location line="-141"/>
        <location line="+131"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Finding out why mail does not flow</source>
        <translation>Comprendre pourquoi le courrier ne circule pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop Exchange logs on the window: SMTP Receive and Send protocol logs (FrontEnd, Hub, Edge), message tracking logs, Exchange Online message traces, Export-Csv and Format-List output, folders and archives. Pasted log lines load too (Edit &gt; Paste Logs).</source>
        <translation>Déposez des journaux Exchange sur la fenêtre : journaux de protocole SMTP de réception et d’envoi (FrontEnd, Hub, Edge), journaux de suivi des messages, suivis des messages Exchange Online, sorties d’Export-Csv et de Format-List, dossiers et archives. Les lignes de journal collées se chargent aussi (Édition &gt; Coller des journaux).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Findings dock lists the faults found, most severe first; a symptom sits under the fault that causes it. Select one to read its evidence, show its sessions, or open the remediation wizard with the values taken from the evidence.</source>
        <translation>Le volet Constats liste les anomalies trouvées, les plus graves en premier ; un symptôme est placé sous l’anomalie qui le provoque. Sélectionnez-en une pour lire ses preuves, afficher ses sessions ou ouvrir l’assistant de correction avec les valeurs tirées des preuves.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sessions table shows every SMTP session; select one to read its transcript and TLS details. The Message journey tab follows one message across servers; Charts show outcomes and errors over time.</source>
        <translation>La table des sessions affiche chaque session SMTP ; sélectionnez-en une pour lire sa transcription et ses détails TLS. L’onglet Parcours du message suit un message à travers les serveurs ; les graphiques montrent les résultats et les erreurs dans le temps.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press F1 in any view for help on that view.</source>
        <translation>Appuyez sur F1 dans n’importe quelle vue pour obtenir l’aide de cette vue.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every field of the filter bar narrows the table; empty fields do not restrict. The charts count only what the filter lets through.</source>
        <translation>Chaque champ de la barre de filtre restreint la table ; les champs vides ne restreignent rien. Les graphiques ne comptent que ce que le filtre laisse passer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free text: session id, server, connector, endpoints, EHLO, sender, recipients, message ids and the last reply contain it (case does not matter).</source>
        <translation>Texte libre : sessions dont l’identifiant de session, le serveur, le connecteur, les points de terminaison, EHLO, l’expéditeur, les destinataires, les identifiants de message ou la dernière réponse contiennent ce texte (la casse est ignorée).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With Regex ticked: a regular expression over the same fields.</source>
        <translation>Avec Regex coché : une expression régulière appliquée aux mêmes champs.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote IP or CIDR (IPv4 or IPv6, e.g. 2001:db8::/32); other text matches part of the remote endpoint.</source>
        <translation>IP distante ou CIDR (IPv4 ou IPv6, p. ex. 2001:db8::/32) ; tout autre texte correspond à une partie du point distant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTP code of the last reply: an enhanced status code.</source>
        <translation>Code SMTP de la dernière réponse : un code d’état amélioré.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A code class: any 5.7.x reply.</source>
        <translation>Une classe de codes : toute réponse 5.7.x.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A basic reply code.</source>
        <translation>Un code de réponse de base.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connector</source>
        <translation>Connecteur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Part of the receive or send connector name, e.g. Default Frontend.</source>
        <translation>Partie du nom du connecteur de réception ou d’envoi, p. ex. Default Frontend.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sessions that start in the range (a drag on a time chart sets it).</source>
        <translation>Sessions qui commencent dans la plage (faire glisser sur un graphique temporel la définit).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has TLS / Has finding</source>
        <translation>Avec TLS / Avec constat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only sessions with an established TLS handshake / that a finding names.</source>
        <translation>Uniquement les sessions avec une négociation TLS établie / citées par un constat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right-click a cell and choose &quot;Apply as filter&quot; to filter on its value.</source>
        <translation>Cliquez avec le bouton droit sur une cellule et choisissez &quot;Appliquer comme filtre&quot; pour filtrer sur sa valeur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>delivered</source>
        <translation>remis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The server accepted at least one message (250 after DATA or BDAT).</source>
        <translation>Le serveur a accepté au moins un message (250 après DATA ou BDAT).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>rejeté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A permanent refusal (5xx) of the message, its recipients or the session.</source>
        <translation>Un refus permanent (5xx) du message, de ses destinataires ou de la session.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deferred</source>
        <translation>différé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A temporary refusal (4xx): the sender keeps the message queued and retries.</source>
        <translation>Un refus temporaire (4xx) : l’expéditeur garde le message en file d’attente et réessaie.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropped</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The connection ended in the middle of a transaction, without a final reply.</source>
        <translation>La connexion s’est terminée au milieu d’une transaction, sans réponse finale.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no mail</source>
        <translation>aucun message</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The session carried no message: a connection test, a probe or an idle connection.</source>
        <translation>La session n’a transporté aucun message : un test de connexion, une sonde ou une connexion inactive.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tls-failed</source>
        <translation>échec TLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The TLS handshake after STARTTLS failed: nothing after it was protected, and the sender usually queues the message (for example 4.4.317 from Exchange Online).</source>
        <translation>La négociation TLS après STARTTLS a échoué : rien de ce qui suit n’a été protégé, et l’expéditeur met généralement le message en file d’attente (par exemple 4.4.317 d’Exchange Online).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The padlock means an established TLS handshake; a red broken lock means it was attempted and failed.</source>
        <translation>Le cadenas indique une négociation TLS établie ; un cadenas rouge brisé indique qu’elle a été tentée et a échoué.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The transcript lists the session&apos;s lines in order: commands from the client, replies from the server and the log&apos;s own notes. A badge on a line says how long it was waited for.</source>
        <translation>La transcription liste les lignes de la session dans l’ordre : commandes du client, réponses du serveur et notes propres au journal. Un badge sur une ligne indique combien de temps elle a été attendue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TLS card shows the certificates the log recorded. The name check compares the server&apos;s certificate with the expected FQDN: the name the sender asks for (the MX, the smart host, the name in the connector). When a finding names it, the card uses it; otherwise it guesses from the server&apos;s banner and says so.</source>
        <translation>La fiche TLS affiche les certificats enregistrés dans le journal. La vérification du nom compare le certificat du serveur au FQDN attendu : le nom demandé par l’expéditeur (le MX, l’hôte actif, le nom dans le connecteur). Quand un constat indique ce nom, la fiche l’utilise ; sinon, elle le déduit de la bannière du serveur et le signale.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raw lines shows the log lines as they are in the file; Copy as text copies the transcript.</source>
        <translation>Lignes brutes affiche les lignes du journal telles qu’elles sont dans le fichier ; Copier en texte copie la transcription.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each finding is a fault with its evidence: the log lines, the sessions and messages it covers, the servers involved and the server to fix. Errors come first, then warnings and information.</source>
        <translation>Chaque constat est une anomalie accompagnée de ses preuves : les lignes de journal, les sessions et les messages qu’il couvre, les serveurs impliqués et le serveur à corriger. Les erreurs viennent en premier, puis les avertissements et les informations.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show sessions filters the table to the finding&apos;s sessions. Open in wizard starts the remediation wizard with the values the evidence gives (server, connector, thumbprint, FQDN); the script it writes runs its read-only checks first, and its changing commands carry -WhatIf unless you choose apply mode.</source>
        <translation>Afficher les sessions filtre la table sur les sessions du constat. Ouvrir dans l’assistant lance l’assistant de correction avec les valeurs fournies par les preuves (serveur, connecteur, empreinte, FQDN) ; le script qu’il écrit exécute d’abord ses vérifications en lecture seule, et ses commandes de modification portent -WhatIf, sauf si vous choisissez le mode application.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark a finding confirmed or dismissed, or add a note (Edit &gt; Finding): that is saved with the case.</source>
        <translation>Marquez un constat comme confirmé ou écarté, ou ajoutez une note (Édition &gt; Constat) : cela est enregistré avec le dossier.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sessions over time by outcome, error replies over time, the top remote hosts and the top error codes, counted over the sessions the filter lets through.</source>
        <translation>Sessions dans le temps par résultat, réponses d’erreur dans le temps, hôtes distants et codes d’erreur les plus fréquents, comptés sur les sessions que le filtre laisse passer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag over a time chart to zoom into a range (the table is filtered to it too); Reset Zoom shows the whole range again. Click a bar or a point to filter the table to it.</source>
        <translation>Faites glisser sur un graphique temporel pour zoomer sur une plage (la table est aussi filtrée sur cette plage) ; Réinitialiser le zoom affiche de nouveau toute la plage. Cliquez sur une barre ou un point pour filtrer la table en conséquence.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A real SMTP client: type commands (EHLO, STARTTLS, AUTH LOGIN user, MAIL FROM:&lt;a@b&gt;, RCPT TO:&lt;c@d&gt;, DATA, QUIT) or use Quick test. Every reply is timed; the Certificate tab checks the chain against the expected certificate name.</source>
        <translation>Un véritable client SMTP : saisissez des commandes (EHLO, STARTTLS, AUTH LOGIN user, MAIL FROM:&lt;a@b&gt;, RCPT TO:&lt;c@d&gt;, DATA, QUIT) ou utilisez Test rapide. Chaque réponse est chronométrée ; l’onglet Certificat vérifie la chaîne par rapport au nom de certificat attendu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DATA, BDAT and Quick test send the message text for real: the console asks before it sends. Passwords are asked in a separate field and never written to the transcript or the history.</source>
        <translation>DATA, BDAT et Test rapide envoient réellement le texte du message : la console demande confirmation avant l’envoi. Les mots de passe sont demandés dans un champ séparé et ne sont jamais écrits dans la transcription ni dans l’historique.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open logs</source>
        <translation>Ouvrir des journaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a folder of logs</source>
        <translation>Ouvrir un dossier de journaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste logs</source>
        <translation>Coller des journaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter sessions</source>
        <translation>Filtrer les sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions, message journey, charts</source>
        <translation>Sessions, parcours du message, graphiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back and forward</source>
        <translation>Précédent et suivant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times in UTC or local time</source>
        <translation>Heures en UTC ou en heure locale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw log lines</source>
        <translation>Lignes brutes du journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remediation wizard</source>
        <translation>Assistant de correction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel loading</source>
        <translation>Annuler le chargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help for the view that has the focus</source>
        <translation>Aide sur la vue qui a le focus</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>About Mailflow Workbench</source>
        <translation>À propos de Mailflow Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h2&gt;Mailflow Workbench %1&lt;/h2&gt;&lt;p&gt;Find out why Exchange mail does not flow, and fix it.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;h3&gt;Licences&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Mailflow Workbench: see the LICENSE file shipped with it.&lt;/li&gt;&lt;li&gt;Qt 6 (Core, Gui, Widgets, Network, Sql, Concurrent, Svg): GNU LGPL v3.&lt;/li&gt;&lt;li&gt;Qt Charts: GNU GPL v3.&lt;/li&gt;&lt;li&gt;libarchive: BSD 2-clause.&lt;/li&gt;&lt;li&gt;KSyntaxHighlighting (when built with it): MIT.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h2&gt;Mailflow Workbench %1&lt;/h2&gt;&lt;p&gt;Trouver pourquoi le courrier Exchange ne circule pas, et le réparer.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2, exécuté avec Qt %3.&lt;/p&gt;&lt;h3&gt;Licences&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Mailflow Workbench : voir le fichier LICENSE fourni.&lt;/li&gt;&lt;li&gt;Qt 6 (Core, Gui, Widgets, Network, Sql, Concurrent, Svg) : GNU LGPL v3.&lt;/li&gt;&lt;li&gt;Qt Charts : GNU GPL v3.&lt;/li&gt;&lt;li&gt;libarchive : BSD 2-clause.&lt;/li&gt;&lt;li&gt;KSyntaxHighlighting (si inclus) : MIT.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>mwb::views::JourneyTimeline</name>
    <message>
        <location filename="../views/sessions/journeyview.cpp" line="+77"/>
        <source>Search a message by id, sender, recipient or subject to see its journey.</source>
        <translation>Recherchez un message par identifiant, expéditeur, destinataire ou objet pour voir son parcours.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(unknown server)</source>
        <translation>(serveur inconnu)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>session %1</source>
        <translation>session %1</translation>
    </message>
</context>
<context>
    <name>mwb::views::JourneyView</name>
    <message>
        <location line="+45"/>
        <source>Message-ID, sender, recipient or subject…</source>
        <translation>Message-ID, expéditeur, destinataire ou objet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search messages</source>
        <translation>Rechercher des messages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matching messages</source>
        <translation>Messages correspondants</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Message journey timeline</source>
        <translation>Chronologie du parcours du message</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Journey hops</source>
        <translation>Sauts du parcours</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>%1
From %2 to %3 — &quot;%4&quot; — %5, total %6</source>
        <translation>%1
De %2 à %3 — « %4 » — %5, total %6</translation>
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
        <translation>&amp;Ouvrir des journaux…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Exchange logs</source>
        <translation>Ouvrir des journaux Exchange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logs and traces (*.log *.csv *.txt *.zip *.gz *.tgz *.tar);;All files (*)</source>
        <translation>Journaux et suivis (*.log *.csv *.txt *.zip *.gz *.tgz *.tar);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a folder of Exchange logs</source>
        <translation>Ouvrir un dossier de journaux Exchange</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Sample Logs</source>
        <translation>Ouvrir les journaux d’&amp;exemple</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;llect Evidence…</source>
        <translation>Collecter les &amp;preuves…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+L</source>
        <translation>Ctrl+Alt+L</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write the read-only PowerShell script that collects the logs and configuration of every transport server</source>
        <translation>Écrire le script PowerShell en lecture seule qui collecte les journaux et la configuration de chaque serveur de transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste Logs</source>
        <translation>Co&amp;ller des journaux</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load log lines copied from a ticket, a forum post or an e-mail (or copied log files)</source>
        <translation>Charger des lignes de journal copiées depuis un ticket, un message de forum ou un e-mail (ou des fichiers journaux copiés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy Transcript as Te&amp;xt</source>
        <translation>Copier la transcription en te&amp;xte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel Loading</source>
        <translation>&amp;Annuler le chargement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+316"/>
        <source>Times in &amp;UTC</source>
        <translation>Heures en &amp;UTC</translation>
    </message>
    <message>
        <location line="-316"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Filter Sessions</source>
        <translation>&amp;Filtrer les sessions</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Raw Log Lines</source>
        <translation>Lignes de journal &amp;brutes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sessions</source>
        <translation>&amp;Sessions</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message &amp;Journey</source>
        <translation>&amp;Parcours du message</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;harts</source>
        <translation>&amp;Graphiques</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remediation &amp;Wizard…</source>
        <translation>&amp;Assistant de correction…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SMTP &amp;Console…</source>
        <translation>&amp;Console SMTP…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check &amp;Domain…</source>
        <translation>Vérifier un &amp;domaine…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MX, STARTTLS and certificates of every MX, DANE, MTA-STS, SPF, DMARC, TLS-RPT and block lists of a domain</source>
        <translation>MX, STARTTLS et certificats de chaque MX, DANE, MTA-STS, SPF, DMARC, TLS-RPT et listes de blocage d’un domaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help for This View</source>
        <translation>&amp;Aide sur cette vue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Mailflow Workbench</source>
        <translation>À &amp;propos de Mailflow Workbench</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+A</source>
        <translation>Ctrl+Alt+A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear Recent</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The remediation wizard is not part of this build yet</source>
        <translation>L’assistant de correction ne fait pas encore partie de cette version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SMTP console is not part of this build yet</source>
        <translation>La console SMTP ne fait pas encore partie de cette version</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+536"/>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <location line="-530"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
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
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message numerus="yes">
        <location line="-227"/>
        <source>Loading… showing the first %n session(s) while the rest loads</source>
        <translation>
            <numerusform>Chargement… %n première session affichée pendant que le reste se charge</numerusform>
            <numerusform>Chargement… %n premières sessions affichées pendant que le reste se charge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+498"/>
        <source>The domain check is not part of this build yet.</source>
        <translation>La vérification de domaine ne fait pas encore partie de cette version.</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Main area</source>
        <translation>Zone principale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace: sessions, message journey and charts</source>
        <translation>Espace de travail : sessions, parcours du message et graphiques</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Findings list</source>
        <translation>Liste des constats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding details</source>
        <translation>Détails du constat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explanation and evidence of the selected finding</source>
        <translation>Explication et preuves du constat sélectionné</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location line="-407"/>
        <source>The bundled sample logs were not found next to the program.</source>
        <translation>Les journaux d’exemple fournis sont introuvables à côté du programme.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Times in &amp;local time</source>
        <translation>Heures en heure &amp;locale</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The remediation wizard is not part of this build yet.</source>
        <translation>L’assistant de correction ne fait pas encore partie de cette version.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The remediation wizard (scenario %1) is not part of this build yet.</source>
        <translation>L’assistant de correction (scénario %1) ne fait pas encore partie de cette version.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>SMTP Console</source>
        <translation>Console SMTP</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The SMTP console is not part of this build yet.</source>
        <translation>La console SMTP ne fait pas encore partie de cette version.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Only local files can be loaded; skipped %1</source>
        <translation>Seuls les fichiers locaux peuvent être chargés ; %1 ignoré</translation>
    </message>
</context>
<context>
    <name>mwb::views::MessageBar</name>
    <message>
        <location filename="../views/common/messagebar.cpp" line="+25"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>mwb::views::ParameterForm</name>
    <message>
        <location filename="../views/wizard/remediationwizard.cpp" line="+102"/>
        <source>Problems with the values</source>
        <translation>Problèmes dans les valeurs</translation>
    </message>
</context>
<context>
    <name>mwb::views::RemediationWizard</name>
    <message>
        <location line="+509"/>
        <source>Fix mail flow — guided checklist</source>
        <translation>Réparer le flux de messagerie — liste de contrôle guidée</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Choose a symptom first.</source>
        <translation>Choisissez d’abord un symptôme.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>mwb::views::ScriptPage</name>
    <message>
        <location line="-175"/>
        <source>Your PowerShell script</source>
        <translation>Votre script PowerShell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read-only checks first, then the changes. Run it in the Exchange Management Shell.</source>
        <translation>D’abord les vérifications en lecture seule, puis les modifications. À exécuter dans Exchange Management Shell.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Generated PowerShell script</source>
        <translation>Script PowerShell généré</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problems with the script values</source>
        <translation>Problèmes dans les valeurs du script</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dry run (-WhatIf)</source>
        <translation>Simulation (-WhatIf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;opy</source>
        <translation>C&amp;opier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the script</source>
        <translation>Copier le script</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save .ps1…</source>
        <translation>&amp;Enregistrer le .ps1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the script as a .ps1 file</source>
        <translation>Enregistrer le script dans un fichier .ps1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save PowerShell script</source>
        <translation>Enregistrer le script PowerShell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PowerShell scripts (*.ps1)</source>
        <translation>Scripts PowerShell (*.ps1)</translation>
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
        <translation>&amp;Heure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Has &amp;TLS</source>
        <translation>Avec &amp;TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has fi&amp;nding</source>
        <translation>Avec &amp;constat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search sessions (id, host, address, message-id, reply)…</source>
        <translation>Rechercher des sessions (identifiant, hôte, adresse, message-id, réponse)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All servers</source>
        <translation>Tous les serveurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connector</source>
        <translation>Connecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both directions</source>
        <translation>Les deux sens</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+326"/>
        <source>Receive</source>
        <translation>Réception</translation>
    </message>
    <message>
        <location line="-326"/>
        <source>Send</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote IP or CIDR</source>
        <translation>IP distante ou CIDR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTP code, e.g. 4.4.317 or 5.7.*</source>
        <translation>Code SMTP, p. ex. 4.4.317 ou 5.7.*</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any outcome</source>
        <translation>Tout résultat</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restrict to sessions that start in this range (UTC)</source>
        <translation>Limiter aux sessions qui commencent dans cette plage (UTC)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search sessions</source>
        <translation>Rechercher des sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treat the search text as a regular expression</source>
        <translation>Interpréter le texte recherché comme une expression régulière</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server filter</source>
        <translation>Filtre de serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connector filter</source>
        <translation>Filtre de connecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction filter</source>
        <translation>Filtre de sens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote IP or CIDR filter</source>
        <translation>Filtre d’IP distante ou de CIDR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP code filter</source>
        <translation>Filtre de code SMTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome filter</source>
        <translation>Filtre de résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From time (UTC)</source>
        <translation>Heure de début (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To time (UTC)</source>
        <translation>Heure de fin (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter result</source>
        <translation>Résultat du filtre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One row per SMTP session; Ctrl+B bookmarks the current session</source>
        <translation>Une ligne par session SMTP ; Ctrl+B ajoute un signet sur la session courante</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directions</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes</source>
        <translation>Résultats</translation>
    </message>
    <message numerus="yes">
        <location line="+72"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %n session(s) match</source>
        <translation>
            <numerusform>%1 session sur %n correspond</numerusform>
            <numerusform>%1 sessions sur %n correspondent</numerusform>
        </translation>
    </message>
    <message>
        <location line="+196"/>
        <source>TLS failed</source>
        <translation>Échec TLS</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Default columns</source>
        <translation>Colonnes par défaut</translation>
    </message>
</context>
<context>
    <name>mwb::views::SettingsMenu</name>
    <message>
        <location filename="../views/shell/settingsmenu.cpp" line="+16"/>
        <source>Settin&amp;gs</source>
        <translation>Pa&amp;ramètres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time &amp;Zone of Exported Logs…</source>
        <translation>&amp;Fuseau horaire des journaux exportés…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Alt+Z</source>
        <translation>Ctrl+Alt+Z</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The zone of the machine that ran Get-MessageTrackingLog | Export-Csv: its times carry no zone</source>
        <translation>Le fuseau de l’ordinateur qui a exécuté Get-MessageTrackingLog | Export-Csv : ses heures ne portent pas de fuseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>UTC (times as written)</source>
        <translation>UTC (heures telles qu’écrites)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time zone of exported logs</source>
        <translation>Fuseau horaire des journaux exportés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export-Csv and Format-List output of Get-MessageTrackingLog is written in the local time of the machine that ran it, without a zone. Read such times in:</source>
        <translation>La sortie Export-Csv et Format-List de Get-MessageTrackingLog est écrite dans l’heure locale de l’ordinateur qui l’a exécuté, sans fuseau. Lire ces heures dans :</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The zone applies from the next load: open the logs again to read their times in %1.</source>
        <translation>Le fuseau s’applique au prochain chargement : ouvrez de nouveau les journaux pour lire leurs heures dans %1.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The language changes when Mailflow Workbench is started again.</source>
        <translation>La langue change au prochain démarrage de Mailflow Workbench.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;System Default</source>
        <translation>Langue du &amp;système</translation>
    </message>
</context>
<context>
    <name>mwb::views::ShellStatus</name>
    <message>
        <location filename="../views/shell/shellstatus.cpp" line="+19"/>
        <source>Ready — drop Exchange logs on the window or open them from the File menu</source>
        <translation>Prêt — déposez des journaux Exchange sur la fenêtre ou ouvrez-les depuis le menu Fichier</translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <source>Loading %n item(s)…</source>
        <translation>
            <numerusform>Chargement de %n élément…</numerusform>
            <numerusform>Chargement de %n éléments…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Loading: %1 — %2 of %3</source>
        <translation>Chargement : %1 — %2 sur %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading: %1 — %2 of %3 sessions</source>
        <translation>Chargement : %1 — %2 sessions sur %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading: %1…</source>
        <translation>Chargement : %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (about %1 left)</source>
        <translation> (environ %1 restant)</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Skipped %n item(s): %1</source>
        <translation>
            <numerusform>%n élément ignoré : %1</numerusform>
            <numerusform>%n éléments ignorés : %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to load</source>
        <translation>Rien à charger</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing new to load: what is loaded stays</source>
        <translation>Rien de nouveau à charger : ce qui est déjà chargé est conservé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Diagnosis is off for this load: %1</source>
        <translation>Le diagnostic est désactivé pour ce chargement : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Loaded %n file(s)</source>
        <translation>
            <numerusform>%n fichier chargé</numerusform>
            <numerusform>%n fichiers chargés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n constat</numerusform>
            <numerusform>%n constats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> (%n error(s))</source>
        <translation>
            <numerusform> (%n erreur)</numerusform>
            <numerusform> (%n erreurs)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading cancelled — </source>
        <translation>Chargement annulé — </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ignored (not Exchange logs): %1. </source>
        <translation>Ignorés (pas des journaux Exchange) : %1. </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n line(s) could not be read; the rest loaded.</source>
        <translation>
            <numerusform>%n ligne n’a pas pu être lue ; le reste a été chargé.</numerusform>
            <numerusform>%n lignes n’ont pas pu être lues ; le reste a été chargé.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped %1. </source>
        <translation>%1 ignoré(s). </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n exported file(s) have times without a time zone; they were read as UTC. If they were exported on a machine in another zone, choose it in Settings &gt; Time Zone of Exported Logs and open them again.</source>
        <translation>
            <numerusform>%n fichier exporté contient des heures sans fuseau ; elles ont été lues en UTC. S’il a été exporté sur un ordinateur dans un autre fuseau, choisissez-le dans Paramètres &gt; Fuseau horaire des journaux exportés et ouvrez-le de nouveau.</numerusform>
            <numerusform>%n fichiers exportés contiennent des heures sans fuseau ; elles ont été lues en UTC. S’ils ont été exportés sur un ordinateur dans un autre fuseau, choisissez-le dans Paramètres &gt; Fuseau horaire des journaux exportés et ouvrez-les de nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No Exchange log was found in what was opened.</source>
        <translation>Aucun journal Exchange n’a été trouvé dans ce qui a été ouvert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading progress</source>
        <translation>Progression du chargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel loading</source>
        <translation>Annuler le chargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
</context>
<context>
    <name>mwb::views::StartPage</name>
    <message>
        <location filename="../views/wizard/remediationwizard.cpp" line="-370"/>
        <source>What is wrong?</source>
        <translation>Quel est le problème ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the symptom that fits best. The next pages walk through read-only checks and end with a PowerShell script.</source>
        <translation>Choisissez le symptôme le plus proche. Les pages suivantes passent par des vérifications en lecture seule et se terminent par un script PowerShell.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Symptoms by scenario</source>
        <translation>Symptômes par scénario</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>What the fix needs (* = required)</source>
        <translation>Ce dont la correction a besoin (* = obligatoire)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Choose a symptom on the left.</source>
        <translation>Choisissez un symptôme à gauche.</translation>
    </message>
</context>
<context>
    <name>mwb::views::StepPage</name>
    <message>
        <location line="+35"/>
        <source>Why:</source>
        <translation>Pourquoi :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Look for:</source>
        <translation>À rechercher :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run this read-only command in the Exchange Management Shell:</source>
        <translation>Exécutez cette commande en lecture seule dans Exchange Management Shell :</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Progress through the checks</source>
        <translation>Progression des vérifications</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>C&amp;opy</source>
        <translation>C&amp;opier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the command</source>
        <translation>Copier la commande</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read-only command to run</source>
        <translation>Commande en lecture seule à exécuter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste its output here (for your notes):</source>
        <translation>Collez sa sortie ici (pour vos notes) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste its output here; it is read and answers the question where it can:</source>
        <translation>Collez sa sortie ici ; elle est analysée et répond à la question quand c’est possible :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Output of the command</source>
        <translation>Sortie de la commande</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output of the command above</source>
        <translation>Sortie de la commande ci-dessus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the pasted output shows</source>
        <translation>Ce que montre la sortie collée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>I don&apos;t know</source>
        <translation>Je ne sais pas</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Step %1 of about %2</source>
        <translation>Étape %1 sur environ %2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>That answers the question: %1.</source>
        <translation>Cela répond à la question : %1.</translation>
    </message>
</context>
<context>
    <name>mwb::views::SummaryPage</name>
    <message>
        <location line="+23"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the answers and the values; the script uses them.</source>
        <translation>Vérifiez les réponses et les valeurs ; le script les utilise.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Values for the script (* = required)</source>
        <translation>Valeurs pour le script (* = obligatoire)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dry run: add -WhatIf to every changing command (nothing is changed)</source>
        <translation>Simulation : ajouter -WhatIf à chaque commande de modification (rien n’est modifié)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&lt;b&gt;From the pasted output:&lt;/b&gt;&lt;ul&gt;</source>
        <translation>&lt;b&gt;D’après la sortie collée :&lt;/b&gt;&lt;ul&gt;</translation>
    </message>
</context>
<context>
    <name>mwb::views::TranscriptView</name>
    <message>
        <location filename="../views/sessions/transcriptview.cpp" line="+162"/>
        <source>E&amp;xpected FQDN:</source>
        <translation>FQDN &amp;attendu :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name clients use, e.g. mail.contoso.com</source>
        <translation>nom utilisé par les clients, p. ex. mail.contoso.com</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hide the certificate details</source>
        <translation>Masquer les détails du certificat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the certificate details</source>
        <translation>Afficher les détails du certificat</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Transcript</source>
        <translation>Transcription</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines of the selected session; Enter unfolds a reply, Ctrl+B bookmarks a line</source>
        <translation>Lignes de la session sélectionnée ; Enter déplie une réponse, Ctrl+B ajoute un signet sur une ligne</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unfold / fold reply</source>
        <translation>Déplier / replier la réponse</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Raw log lines</source>
        <translation>Lignes brutes du journal</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Raw lines</source>
        <translation>Lignes &amp;brutes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the log lines as written, with file and line number</source>
        <translation>Afficher les lignes du journal telles qu’écrites, avec fichier et numéro de ligne</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy as text</source>
        <translation>Copier en texte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the whole transcript as plain text</source>
        <translation>Copier toute la transcription en texte brut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Journey</source>
        <translation>&amp;Parcours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the message this session carried across the servers</source>
        <translation>Suivre à travers les serveurs le message transporté par cette session</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>Session %1 — %2, %3 — %4 → %5</source>
        <translation>Session %1 — %2, %3 — %4 → %5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — EHLO %1</source>
        <translation> — EHLO %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 runs %2</source>
        <translation>%1 exécute %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>handshake failed:</source>
        <translation>échec de la négociation :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>attempted; the log does not show the handshake completing</source>
        <translation>tenté ; le journal ne montre pas la fin de la négociation</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n certificate(s); unfold the card to see them and check a name.</source>
        <translation>
            <numerusform>%n certificat ; dépliez la carte pour le voir et vérifier un nom.</numerusform>
            <numerusform>%n certificats ; dépliez la carte pour les voir et vérifier un nom.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No certificate details in the log (enable verbose protocol logging).</source>
        <translation>Aucun détail de certificat dans le journal (activez la journalisation détaillée du protocole).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Received certificate</source>
        <translation>Certificat reçu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sending certificate</source>
        <translation>Certificat envoyé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thumbprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Senders may expect another name (MX, smart host): type it above to check.</source>
        <translation>Les expéditeurs attendent peut-être un autre nom (MX, hôte actif) : saisissez-le ci-dessus pour le vérifier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The handshake failed all the same: type the name the sender expects (MX, smart host) above.</source>
        <translation>La négociation a tout de même échoué : saisissez ci-dessus le nom attendu par l’expéditeur (MX, hôte actif).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Names do NOT contain %1</source>
        <translation>Les noms ne contiennent PAS %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names contain %1, the name the peer expects</source>
        <translation>Les noms contiennent %1, le nom attendu par l’homologue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Names do NOT contain %1, the name the peer expects</source>
        <translation>Les noms NE contiennent PAS %1, le nom attendu par l’homologue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its reply: %1</source>
        <translation>Sa réponse : %1</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>SANs</source>
        <translation>SAN</translation>
    </message>
    <message>
        <location line="-394"/>
        <source> waited %1 </source>
        <translation> %1 d’attente </translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Exchange version of the session&apos;s server</source>
        <translation>Version d’Exchange du serveur de la session</translation>
    </message>
    <message>
        <location line="+318"/>
        <source>Valid</source>
        <translation>Validité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 to %2</source>
        <translation>%1 au %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Names not in the log (only the thumbprint)</source>
        <translation>Noms absents du journal (seulement l’empreinte)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names contain %1, the name in the server&apos;s banner.</source>
        <translation>Les noms contiennent %1, le nom donné dans la bannière du serveur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Names contain %1</source>
        <translation>Les noms contiennent %1</translation>
    </message>
</context>
<context>
    <name>mwb::views::WelcomePage</name>
    <message>
        <location filename="../views/shell/welcomepage.cpp" line="+25"/>
        <source>Drop Exchange logs here</source>
        <translation>Déposez les journaux Exchange ici</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SMTP protocol logs (Receive / Send), message tracking logs, Exchange Online message traces — files, folders or archives (.zip, .gz, .tar.gz).</source>
        <translation>Journaux de protocole SMTP (réception / envoi), journaux de suivi des messages, suivis des messages Exchange Online — fichiers, dossiers ou archives (.zip, .gz, .tar.gz).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;sample logs</source>
        <translation>Ouvrir les journaux d’&amp;exemple</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;logs…</source>
        <translation>Ouvrir des &amp;journaux…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open f&amp;older…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open c&amp;ase…</source>
        <translation>Ouvrir un dossier d’&amp;analyse…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Everything stays on this machine. Shortcuts: Ctrl+O open, Ctrl+F filter, Alt+←/→ back and forward, Ctrl+S save the case.</source>
        <translation>Tout reste sur cette machine. Raccourcis : Ctrl+O ouvrir, Ctrl+F filtrer, Alt+←/→ précédent et suivant, Ctrl+S enregistrer le dossier.</translation>
    </message>
</context>
<context>
    <name>mwb::views::Workspace</name>
    <message>
        <location filename="../views/sessions/workspace.cpp" line="+40"/>
        <source>&amp;Sessions</source>
        <translation>&amp;Sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message &amp;journey</source>
        <translation>&amp;Parcours du message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Charts</source>
        <translation>&amp;Graphiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bookmarks</source>
        <translation>Sig&amp;nets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions table and transcript (Ctrl+1)</source>
        <translation>Table des sessions et transcription (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message journey (Ctrl+2)</source>
        <translation>Parcours du message (Ctrl+2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts (Ctrl+3)</source>
        <translation>Graphiques (Ctrl+3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookmarks (Ctrl+4)</source>
        <translation>Signets (Ctrl+4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Toggle &amp;Bookmark</source>
        <translation>Ajouter/re&amp;tirer un signet</translation>
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
        <translation>Ajouter/retirer un signet sur la &amp;ligne</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next Pane</source>
        <translation>Volet suivant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous Pane</source>
        <translation>Volet précédent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <location line="+308"/>
        <source>Apply as Filter: %1 = %2</source>
        <translation>Appliquer comme filtre : %1 = %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy Value</source>
        <translation>Copier la valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy Row</source>
        <translation>Copier la ligne</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy Session ID</source>
        <translation>Copier l’ID de session</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show Message Journey</source>
        <translation>Afficher le parcours du message</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>sessions of “%1”</source>
        <translation>sessions de « %1 »</translation>
    </message>
</context>
</TS>
