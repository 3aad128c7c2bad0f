<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Console</name>
    <message>
        <source>Gatehouse console: API bearer tokens and a local gateway.</source>
        <translation>Gatehouse-Konsole: API-Bearer-Tokens und ein lokales Gateway.</translation>
    </message>
    <message>
        <source>The directory holding the catalog.</source>
        <translation>Das Verzeichnis mit dem Katalog.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>VERZEICHNIS</translation>
    </message>
    <message>
        <source>The local gateway&apos;s port (default: the last one used, else 8080).</source>
        <translation>Der Port des lokalen Gateways (Vorgabe: der zuletzt verwendete, sonst 8080).</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <source>Do not start the local gateway this time.</source>
        <translation>Das lokale Gateway diesmal nicht starten.</translation>
    </message>
    <message>
        <source>The console&apos;s language: %1 (default: the system&apos;s language, else English).</source>
        <translation>Die Sprache der Konsole: %1 (Vorgabe: die Sprache des Systems, sonst Englisch).</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>SPRACHE</translation>
    </message>
    <message>
        <source>Save a PNG of every page into DIR, then quit (tools/screenshots.sh).</source>
        <translation>Von jeder Seite ein PNG in VERZEICHNIS speichern, dann beenden (tools/screenshots.sh).</translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>The catalog could not be opened:
%1</source>
        <translation>Der Katalog konnte nicht geöffnet werden:
%1</translation>
    </message>
</context>
<context>
    <name>ExportFileChooser</name>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>FieldErrorLabel</name>
    <message>
        <source>%1 %2</source>
        <extracomment>A field&apos;s label, then the core&apos;s reason, which stays English (as the CLI prints it): &quot;Name is required&quot;. A translation that cannot continue the label with English text can separate them.</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tagen</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 Wochen</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 Monat</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 Monaten</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 Jahren</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
</context>
<context>
    <name>TokenState</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AiLimitsFields</name>
    <message>
        <source>e.g. 250k or 2M; empty: no limit</source>
        <translation>z. B. 250k oder 2M; leer: kein Limit</translation>
    </message>
    <message>
        <source>AI tokens (prompt plus completion) that all of the consumer&apos;s tokens together may spend per UTC day, on top of each token&apos;s own budget; the gateway then answers 429 until midnight UTC.</source>
        <translation>KI-Tokens (Prompt und Antwort), die alle Token des Konsumenten zusammen pro UTC-Tag verbrauchen dürfen, zusätzlich zum eigenen Budget jedes Tokens; danach antwortet das Gateway bis Mitternacht UTC mit 429.</translation>
    </message>
    <message>
        <source>AI tokens (prompt plus completion) that this token may spend per UTC day; the gateway then answers 429 until midnight UTC.</source>
        <translation>KI-Tokens (Prompt und Antwort), die dieses Token pro UTC-Tag verbrauchen darf; danach antwortet das Gateway bis Mitternacht UTC mit 429.</translation>
    </message>
    <message>
        <source>&amp;Monthly budget:</source>
        <translation>&amp;Monatsbudget:</translation>
    </message>
    <message>
        <source>AI tokens (prompt plus completion) that all of the consumer&apos;s tokens together may spend per calendar month (UTC), on top of each token&apos;s own budget.</source>
        <translation>KI-Tokens (Prompt und Antwort), die alle Token des Konsumenten zusammen pro Kalendermonat (UTC) verbrauchen dürfen, zusätzlich zum eigenen Budget jedes Tokens.</translation>
    </message>
    <message>
        <source>AI tokens (prompt plus completion) that this token may spend per calendar month (UTC).</source>
        <translation>KI-Tokens (Prompt und Antwort), die dieses Token pro Kalendermonat (UTC) verbrauchen darf.</translation>
    </message>
    <message>
        <source>AI re&amp;quests a minute:</source>
        <translation>KI-An&amp;fragen pro Minute:</translation>
    </message>
    <message>
        <source>e.g. 60; empty: no limit</source>
        <translation>z. B. 60; leer: kein Limit</translation>
    </message>
    <message>
        <source>Requests a minute on the AI routes, whatever they cost.</source>
        <translation>Anfragen pro Minute auf den KI-Routen, gleich wie teuer sie sind.</translation>
    </message>
    <message>
        <source>AI &amp;tokens a minute:</source>
        <translation>KI-T&amp;okens pro Minute:</translation>
    </message>
    <message>
        <source>AI tokens (prompt plus completion) a minute.</source>
        <translation>KI-Tokens (Prompt und Antwort) pro Minute.</translation>
    </message>
    <message>
        <source>Write a whole number of requests a minute, from 1 to %1; leave it empty for no limit.</source>
        <translation>Geben Sie eine ganze Zahl von Anfragen pro Minute ein, von 1 bis %1; leer lassen für kein Limit.</translation>
    </message>
    <message>
        <source>Write a number of tokens, such as 250000, 250k or 2M; leave it empty for no limit.</source>
        <translation>Geben Sie eine Anzahl Tokens ein, etwa 250000, 250k oder 2M; leer lassen für kein Limit.</translation>
    </message>
    <message>
        <source>At most %1 tokens a minute.</source>
        <translation>Höchstens %1 Tokens pro Minute.</translation>
    </message>
    <message>
        <source>Dail&amp;y budget:</source>
        <translation>&amp;Tagesbudget:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AiUsageModel</name>
    <message>
        <source>%1: %2 tokens in all</source>
        <translation>%1: %2 Tokens insgesamt</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Tokens ein</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens aus</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiDialog</name>
    <message>
        <source>Edit API %1</source>
        <translation>API %1 bearbeiten</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>Neue API</translation>
    </message>
    <message>
        <source>billing</source>
        <translation>billing</translation>
    </message>
    <message>
        <source>https://billing.example.com/v2</source>
        <translation>https://billing.example.com/v2</translation>
    </message>
    <message>
        <source>&amp;Strip the prefix before forwarding</source>
        <translation>Präfix vor dem Weiterleiten &amp;entfernen</translation>
    </message>
    <message>
        <source>30s</source>
        <translation>30s</translation>
    </message>
    <message>
        <source>10m</source>
        <translation>10m</translation>
    </message>
    <message>
        <source>none (or 100/s, 600/m, 1000/h)</source>
        <translation>keins (oder 100/s, 600/m, 1000/h)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Upstream URL</source>
        <translation>Upstream-URL</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Max body</source>
        <translation>Max. Body-Größe</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Upstream URL:</source>
        <translation>&amp;Upstream-URL:</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>&amp;Präfix:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&amp;Max body:</source>
        <translation>&amp;Max. Body-Größe:</translation>
    </message>
    <message>
        <source>&amp;Rate limit per token:</source>
        <translation>&amp;Ratenlimit pro Token:</translation>
    </message>
    <message>
        <source>/&lt;name&gt;</source>
        <translation>/&lt;name&gt;</translation>
    </message>
    <message>
        <source>The API %1 no longer exists: it was removed while you were editing it.</source>
        <translation>Die API %1 existiert nicht mehr: Sie wurde entfernt, während Sie sie bearbeitet haben.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiTableModel</name>
    <message>
        <source>Removed from the path before forwarding</source>
        <translation>Wird vor dem Weiterleiten aus dem Pfad entfernt</translation>
    </message>
    <message>
        <source>Forwarded with the path unchanged</source>
        <translation>Wird mit unverändertem Pfad weitergeleitet</translation>
    </message>
    <message>
        <source>%1 usable; %2 expired or revoked tokens also name it</source>
        <translation>%1 verwendbar; %2 abgelaufene oder widerrufene Tokens nennen sie ebenfalls</translation>
    </message>
    <message>
        <source>Usable tokens whose scopes name this API</source>
        <translation>Verwendbare Tokens, deren Scopes diese API nennen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApisPage</name>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>No usable token grants access to them.</source>
        <translation>Kein verwendbares Token gewährt Zugriff auf sie.</translation>
    </message>
    <message>
        <source>No usable token grants access to it.</source>
        <translation>Kein verwendbares Token gewährt Zugriff auf sie.</translation>
    </message>
    <message>
        <source>1 usable token grants access to them and will lose that access.</source>
        <translation>1 verwendbares Token gewährt Zugriff auf sie und verliert diesen Zugriff.</translation>
    </message>
    <message>
        <source>1 usable token grants access to it and will lose that access.</source>
        <translation>1 verwendbares Token gewährt Zugriff auf sie und verliert diesen Zugriff.</translation>
    </message>
    <message>
        <source>%1 usable tokens grant access to them and will lose that access.</source>
        <translation>%1 verwendbare Tokens gewähren Zugriff auf sie und verlieren diesen Zugriff.</translation>
    </message>
    <message>
        <source>%1 usable tokens grant access to it and will lose that access.</source>
        <translation>%1 verwendbare Tokens gewähren Zugriff auf sie und verlieren diesen Zugriff.</translation>
    </message>
    <message>
        <source>1 expired or revoked token also names them in its scopes.</source>
        <translation>1 abgelaufenes oder widerrufenes Token nennt sie ebenfalls in seinen Scopes.</translation>
    </message>
    <message>
        <source>1 expired or revoked token also names it in its scopes.</source>
        <translation>1 abgelaufenes oder widerrufenes Token nennt sie ebenfalls in seinen Scopes.</translation>
    </message>
    <message>
        <source>%1 expired or revoked tokens also name them in their scopes.</source>
        <translation>%1 abgelaufene oder widerrufene Tokens nennen sie ebenfalls in ihren Scopes.</translation>
    </message>
    <message>
        <source>%1 expired or revoked tokens also name it in their scopes.</source>
        <translation>%1 abgelaufene oder widerrufene Tokens nennen sie ebenfalls in ihren Scopes.</translation>
    </message>
    <message>
        <source>Remove API</source>
        <translation>API entfernen</translation>
    </message>
    <message>
        <source>Remove %1 APIs (%2)?</source>
        <translation>%1 APIs (%2) entfernen?</translation>
    </message>
    <message>
        <source>Remove the API &quot;%1&quot;?</source>
        <translation>Die API „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Remove APIs</source>
        <translation>APIs entfernen</translation>
    </message>
    <message>
        <source>API %1 removed</source>
        <translation>API %1 entfernt</translation>
    </message>
    <message>
        <source>%1 APIs removed</source>
        <translation>%1 APIs entfernt</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditPage</name>
    <message>
        <source>Showing the newest %1 events; older ones are not listed here (gatehouse-cli audit list --limit N shows more).</source>
        <translation>Die neuesten %1 Ereignisse werden angezeigt; ältere sind hier nicht aufgeführt (gatehouse-cli audit list --limit N zeigt mehr).</translation>
    </message>
    <message>
        <source>Could not reread the audit trail: %1</source>
        <translation>Das Audit-Protokoll konnte nicht neu gelesen werden: %1</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Audit trail reread</source>
        <translation>Audit-Protokoll neu gelesen</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CatalogTablePage</name>
    <message>
        <source>%1 %2 added</source>
        <translation>%1 %2 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 %2 renamed to %3</source>
        <translation>%1 %2 in %3 umbenannt</translation>
    </message>
    <message>
        <source>%1 %2 updated</source>
        <translation>%1 %2 aktualisiert</translation>
    </message>
    <message>
        <source>Could not reread the %1: %2</source>
        <translation>%1 konnten nicht neu gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 reread</source>
        <translation>%1 neu gelesen</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConsumerDialog</name>
    <message>
        <source>Edit Consumer %1</source>
        <translation>Konsument %1 bearbeiten</translation>
    </message>
    <message>
        <source>New Consumer</source>
        <translation>Neuer Konsument</translation>
    </message>
    <message>
        <source>mobile-app</source>
        <translation>mobile-app</translation>
    </message>
    <message>
        <source>Who or what holds its tokens, and who to ask</source>
        <translation>Wer oder was seine Tokens hält, und wen man fragen kann</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>The consumer %1 no longer exists: it was removed while you were editing it.</source>
        <translation>Der Konsument %1 existiert nicht mehr: Er wurde entfernt, während Sie ihn bearbeitet haben.</translation>
    </message>
    <message>
        <source>AI budget (optional)</source>
        <translation>KI-Budget (optional)</translation>
    </message>
    <message>
        <source>Shared by all of the consumer&apos;s tokens, on top of each token&apos;s own budget</source>
        <translation>Von allen Token des Konsumenten gemeinsam genutzt, zusätzlich zum eigenen Budget jedes Tokens</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConsumerTableModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Active tokens</source>
        <translation>Aktive Tokens</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>%1/day</source>
        <translation>%1/Tag</translation>
    </message>
    <message>
        <source>%1/month</source>
        <translation>%1/Monat</translation>
    </message>
    <message>
        <source>AI tokens all of its tokens may spend together, on top of each token&apos;s own budget</source>
        <translation>KI-Tokens, die alle seine Token zusammen verbrauchen dürfen, zusätzlich zum eigenen Budget jedes Tokens</translation>
    </message>
    <message>
        <source>No AI budget: its tokens are limited by their own budgets only</source>
        <translation>Kein KI-Budget: seine Token sind nur durch ihre eigenen Budgets begrenzt</translation>
    </message>
    <message>
        <source>AI budget</source>
        <translation>KI-Budget</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConsumersPage</name>
    <message>
        <source>Consumers</source>
        <translation>Konsumenten</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Konsument</translation>
    </message>
    <message>
        <source>Remove Consumer</source>
        <translation>Konsument entfernen</translation>
    </message>
    <message>
        <source>Remove Consumers</source>
        <translation>Konsumenten entfernen</translation>
    </message>
    <message>
        <source>%1 consumers (%2)</source>
        <translation>%1 Konsumenten (%2)</translation>
    </message>
    <message>
        <source>the consumer &quot;%1&quot;</source>
        <translation>den Konsumenten „%1“</translation>
    </message>
    <message>
        <source>1 active token</source>
        <translation>1 aktives Token</translation>
    </message>
    <message>
        <source>%1 active tokens</source>
        <translation>%1 aktive Tokens</translation>
    </message>
    <message>
        <source>Remove %1?

It still holds %2. Removing it revokes them at once: whoever uses them is refused from now on.

Revoke the tokens and remove?</source>
        <translation>%1 entfernen?

Er hält noch %2. Das Entfernen widerruft diese sofort: Wer sie verwendet, wird ab jetzt abgewiesen.

Die Tokens widerrufen und entfernen?</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>%1 entfernen?</translation>
    </message>
    <message>
        <source>Consumer %1 removed</source>
        <translation>Konsument %1 entfernt</translation>
    </message>
    <message>
        <source>%1 consumers removed</source>
        <translation>%1 Konsumenten entfernt</translation>
    </message>
    <message>
        <source>; 1 token revoked</source>
        <translation>; 1 Token widerrufen</translation>
    </message>
    <message>
        <source>; %1 tokens revoked</source>
        <translation>; %1 Tokens widerrufen</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ExpiringTokensModel</name>
    <message>
        <source>%1 (…%2)</source>
        <translation>%1 (…%2)</translation>
    </message>
    <message>
        <source>Open this token in the Tokens page</source>
        <translation>Dieses Token auf der Seite „Tokens“ öffnen</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Konsument</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ExpiryNotifier</name>
    <message>
        <source>A token expires soon</source>
        <translation>Ein Token läuft bald ab</translation>
    </message>
    <message>
        <source>“%1” of %2 expires %3 (%4).</source>
        <translation>„%1“ von %2 läuft %3 ab (%4).</translation>
    </message>
    <message>
        <source>“%1” of %2</source>
        <translation>„%1“ von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) expire within a day</source>
        <translation>
            <numerusform>%n Token läuft innerhalb eines Tages ab</numerusform>
            <numerusform>%n Tokens laufen innerhalb eines Tages ab</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::FilterableTable</name>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filtern (Strg+F)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GatewayController</name>
    <message>
        <source>Gateway stopped</source>
        <translation>Gateway angehalten</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <source>Gateway error: %1</source>
        <translation>Gateway-Fehler: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GatewayToolBar</name>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Start gateway</source>
        <translation>Gateway starten</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>The loopback port the gateway listens on</source>
        <translation>Der Loopback-Port, auf dem das Gateway lauscht</translation>
    </message>
    <message>
        <source>Stop gateway</source>
        <translation>Gateway anhalten</translation>
    </message>
    <message>
        <source>Stop the local gateway (Ctrl+Shift+G)</source>
        <translation>Das lokale Gateway anhalten (Strg+Umschalt+G)</translation>
    </message>
    <message>
        <source>Start the local gateway (Ctrl+Shift+G)</source>
        <translation>Das lokale Gateway starten (Strg+Umschalt+G)</translation>
    </message>
    <message>
        <source>Use port %1</source>
        <translation>Port %1 verwenden</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GatewayTray</name>
    <message>
        <source>Show Gatehouse</source>
        <translation>Gatehouse anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Gatehouse: %1</source>
        <translation>Gatehouse: %1</translation>
    </message>
    <message>
        <source>Stop gateway</source>
        <translation>Gateway anhalten</translation>
    </message>
    <message>
        <source>Start gateway</source>
        <translation>Gateway starten</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IssuedTokenDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Token rotated</source>
        <translation>Token rotiert</translation>
    </message>
    <message>
        <source>Token created</source>
        <translation>Token erstellt</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>läuft nie ab</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>läuft am %1 ab</translation>
    </message>
    <message>
        <source>Token %1 &quot;%2&quot; for %3 replaces token %4 and %5.</source>
        <translation>Token %1 „%2“ für %3 ersetzt Token %4 und %5.</translation>
    </message>
    <message>
        <source>Token %1 &quot;%2&quot; for %3 %4.</source>
        <translation>Token %1 „%2“ für %3 %4.</translation>
    </message>
    <message>
        <source>Copy this token now: it cannot be shown again. Gatehouse keeps only its hash; if it is lost, rotate the token. The clipboard is cleared %1 seconds after copying.</source>
        <translation>Kopieren Sie dieses Token jetzt: Es kann nicht noch einmal angezeigt werden. Gatehouse speichert nur seinen Hash; geht es verloren, rotieren Sie das Token. Die Zwischenablage wird %1 Sekunden nach dem Kopieren geleert.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::LiveLogPage</name>
    <message>
        <source>Reading the request log failed: %1</source>
        <translation>Das Lesen des Anfrageprotokolls ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Live Log</source>
        <translation>Live-Log</translation>
    </message>
    <message>
        <source>Filter by path or request id</source>
        <translation>Nach Pfad oder Anfrage-ID filtern</translation>
    </message>
    <message>
        <source>2xx</source>
        <translation>2xx</translation>
    </message>
    <message>
        <source>3xx</source>
        <translation>3xx</translation>
    </message>
    <message>
        <source>4xx</source>
        <translation>4xx</translation>
    </message>
    <message>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <source>Requests the gateway refused itself (no token, unknown token, scope, rate limit, no route)</source>
        <translation>Anfragen, die das Gateway selbst abgewiesen hat (kein Token, unbekanntes Token, Scope, Ratenlimit, keine Route)</translation>
    </message>
    <message>
        <source>Show requests answered with %1</source>
        <translation>Mit %1 beantwortete Anfragen anzeigen</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Konsument</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>All held rows</source>
        <translation>Alle geladenen Zeilen</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Paused — Resume (End)</source>
        <translation>Angehalten — Fortsetzen (Ende)</translation>
    </message>
    <message>
        <source>New requests keep arriving; resume following to jump to the newest</source>
        <translation>Neue Anfragen treffen weiter ein; folgen Sie wieder, um zur neuesten zu springen</translation>
    </message>
    <message>
        <source>Revoke Token</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>Revoke the token the selected request used, at once</source>
        <translation>Das Token der ausgewählten Anfrage sofort widerrufen</translation>
    </message>
    <message>
        <source>Show Token</source>
        <translation>Token anzeigen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the rows the filters show as CSV or JSON Lines</source>
        <translation>Die gefilterten Zeilen als CSV oder JSON Lines speichern</translation>
    </message>
    <message>
        <source>Export Requests</source>
        <translation>Anfragen exportieren</translation>
    </message>
    <message>
        <source>%1 (gth_…%2)</source>
        <translation>%1 (gth_…%2)</translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>Alle APIs</translation>
    </message>
    <message>
        <source>All consumers</source>
        <translation>Alle Konsumenten</translation>
    </message>
    <message>
        <source>All tokens</source>
        <translation>Alle Tokens</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n older request(s)</source>
        <translation>
            <numerusform>%n ältere Anfrage geladen</numerusform>
            <numerusform>%n ältere Anfragen geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 requests shown</source>
        <translation>%1 von %2 Anfragen angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Token &quot;%1&quot; (gth_…%2) revoked</source>
        <translation>Token „%1“ (gth_…%2) widerrufen</translation>
    </message>
    <message>
        <source>An export is already running</source>
        <translation>Es läuft bereits ein Export</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n request(s)…</source>
        <translation>
            <numerusform>%n Anfrage wird exportiert…</numerusform>
            <numerusform>%n Anfragen werden exportiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n request(s) to %1</source>
        <translation>
            <numerusform>%n Anfrage nach %1 exportiert</numerusform>
            <numerusform>%n Anfragen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export abgebrochen</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::MainWindow</name>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>The catalog this console works on</source>
        <translation>Der Katalog, mit dem diese Konsole arbeitet</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>Add an item to this page (Ctrl+N)</source>
        <translation>Dieser Seite einen Eintrag hinzufügen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected item (Ctrl+E)</source>
        <translation>Den ausgewählten Eintrag bearbeiten (Strg+E)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove the selected items (Delete)</source>
        <translation>Die ausgewählten Einträge entfernen (Entf)</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Revoke the selected tokens now: the gateway refuses them from the next request (Ctrl+R)</source>
        <translation>Die ausgewählten Tokens jetzt widerrufen: Das Gateway weist sie ab der nächsten Anfrage ab (Strg+R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Filter the current table (Ctrl+F)</source>
        <translation>Die aktuelle Tabelle filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Reread the catalog (F5)</source>
        <translation>Den Katalog neu lesen (F5)</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <source>Start the gateway when Gatehouse opens</source>
        <translation>Gateway beim Öffnen von Gatehouse starten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>&amp;Über Gatehouse</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>Über Gatehouse</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;API bearer tokens and a local gateway.&lt;/p&gt;&lt;p&gt;Catalog: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;API-Bearer-Tokens und ein lokales Gateway.&lt;/p&gt;&lt;p&gt;Katalog: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>%1 · %2 req/s · %3 open connections</source>
        <translation>%1 · %2 Anfr./s · %3 offene Verbindungen</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::NewTokenDialog</name>
    <message>
        <source>New Token</source>
        <translation>Neues Token</translation>
    </message>
    <message>
        <source>Choose a consumer</source>
        <translation>Konsument auswählen</translation>
    </message>
    <message>
        <source>No consumers yet: add one on the Consumers page first.</source>
        <translation>Noch keine Konsumenten: Legen Sie zuerst einen auf der Seite Konsumenten an.</translation>
    </message>
    <message>
        <source>Optional: &quot;&lt;consumer&gt; &lt;date&gt;&quot; if empty</source>
        <translation>Optional: „&lt;Konsument&gt; &lt;Datum&gt;“, wenn leer</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 Tage</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>Bis zu einem Datum…</translation>
    </message>
    <message>
        <source>Ne&amp;ver expires</source>
        <translation>Läuft n&amp;ie ab</translation>
    </message>
    <message>
        <source>A token that never expires works for whoever holds it until someone revokes it. Prefer a lifetime and rotate the token before it ends.</source>
        <translation>Ein Token, das nie abläuft, funktioniert für jeden, der es besitzt, bis jemand es widerruft. Wählen Sie lieber eine Laufzeit und rotieren Sie das Token vor deren Ende.</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>&amp;Consumer:</source>
        <translation>&amp;Konsument:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation>&amp;Scopes:</translation>
    </message>
    <message>
        <source>&amp;Lifetime:</source>
        <translation>&amp;Laufzeit:</translation>
    </message>
    <message>
        <source>No APIs yet: add one on the APIs page first.</source>
        <translation>Noch keine APIs: Legen Sie zuerst eine auf der Seite APIs an.</translation>
    </message>
    <message>
        <source>read-only (GET, HEAD, OPTIONS)</source>
        <translation>nur lesen (GET, HEAD, OPTIONS)</translation>
    </message>
    <message>
        <source>read-write (every method)</source>
        <translation>lesen und schreiben (jede Methode)</translation>
    </message>
    <message>
        <source>The expiry must lie in the future.</source>
        <translation>Der Ablauf muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>Choose a consumer.</source>
        <translation>Wählen Sie einen Konsumenten.</translation>
    </message>
    <message>
        <source>There is no consumer.</source>
        <translation>Es gibt keinen Konsumenten.</translation>
    </message>
    <message>
        <source>There is no API to grant access to.</source>
        <translation>Es gibt keine API, auf die Zugriff gewährt werden kann.</translation>
    </message>
    <message>
        <source>Tick at least one API.</source>
        <translation>Wählen Sie mindestens eine API an.</translation>
    </message>
    <message>
        <source>AI limits (optional)</source>
        <translation>KI-Limits (optional)</translation>
    </message>
    <message>
        <source>Only the AI routes count against these; the API routes have the rate limit above.</source>
        <translation>Nur die KI-Routen zählen hierauf; für die API-Routen gilt das Ratenlimit oben.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::OverviewPage</name>
    <message>
        <source>Requests, last hour</source>
        <translation>Anfragen, letzte Stunde</translation>
    </message>
    <message>
        <source>Every request the gateway logged in the last 60 minutes</source>
        <translation>Alle Anfragen, die das Gateway in den letzten 60 Minuten protokolliert hat</translation>
    </message>
    <message>
        <source>Requests this minute</source>
        <translation>Anfragen in dieser Minute</translation>
    </message>
    <message>
        <source>Requests since the start of the current minute</source>
        <translation>Anfragen seit Beginn der aktuellen Minute</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <source>Server errors (5xx) and requests the gateway refused, as a share of all requests in the last hour</source>
        <translation>Serverfehler (5xx) und vom Gateway abgewiesene Anfragen als Anteil an allen Anfragen der letzten Stunde</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>Latenz p50</translation>
    </message>
    <message>
        <source>Half of the last hour&apos;s requests took at most this</source>
        <translation>Die Hälfte der Anfragen der letzten Stunde dauerte höchstens so lange</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>Latenz p95</translation>
    </message>
    <message>
        <source>95 in 100 of the last hour&apos;s requests took at most this</source>
        <translation>95 von 100 Anfragen der letzten Stunde dauerten höchstens so lange</translation>
    </message>
    <message>
        <source>Reading the last hour of the request log…</source>
        <translation>Die letzte Stunde des Anfrageprotokolls wird gelesen…</translation>
    </message>
    <message>
        <source>Top consumers</source>
        <translation>Top-Konsumenten</translation>
    </message>
    <message>
        <source>Tokens expiring within 7 days</source>
        <translation>Tokens, die innerhalb von 7 Tagen ablaufen</translation>
    </message>
    <message>
        <source>Click a token, or press Return, to open it in the Tokens page</source>
        <translation>Klicken Sie auf ein Token oder drücken Sie die Eingabetaste, um es auf der Seite „Tokens“ zu öffnen</translation>
    </message>
    <message>
        <source>Recent revocations</source>
        <translation>Letzte Widerrufe</translation>
    </message>
    <message>
        <source>Top consumers, last hour</source>
        <translation>Top-Konsumenten, letzte Stunde</translation>
    </message>
    <message>
        <source>Requests per minute, last hour</source>
        <translation>Anfragen pro Minute, letzte Stunde</translation>
    </message>
    <message>
        <source>The request log could not be read (%1): the figures count requests since the page opened.</source>
        <translation>Das Anfrageprotokoll konnte nicht gelesen werden (%1): Die Zahlen erfassen nur die Anfragen seit dem Öffnen der Seite.</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Konsument</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>AI usage by consumer, last %1 days (UTC)</source>
        <translation>KI-Nutzung nach Konsument, letzte %1 Tage (UTC)</translation>
    </message>
    <message>
        <source>AI usage by model, last %1 days (UTC)</source>
        <translation>KI-Nutzung nach Modell, letzte %1 Tage (UTC)</translation>
    </message>
    <message>
        <source>Reading the AI usage…</source>
        <translation>Die KI-Nutzung wird gelesen…</translation>
    </message>
    <message>
        <source>From %1 to %2 (UTC days, today included)</source>
        <translation>Vom %1 bis zum %2 (UTC-Tage, heute eingeschlossen)</translation>
    </message>
    <message>
        <source>(no consumer)</source>
        <translation>(kein Konsument)</translation>
    </message>
    <message>
        <source>#%1 (deleted)</source>
        <translation>#%1 (gelöscht)</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (gelöscht)</translation>
    </message>
    <message>
        <source>The AI usage could not be read (%1): the tables count requests since the page opened.</source>
        <translation>Die KI-Nutzung konnte nicht gelesen werden (%1): Die Tabellen erfassen nur die Anfragen seit dem Öffnen der Seite.</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ProviderDialog</name>
    <message>
        <source>Edit AI provider %1</source>
        <translation>KI-Anbieter %1 bearbeiten</translation>
    </message>
    <message>
        <source>New AI provider</source>
        <translation>Neuer KI-Anbieter</translation>
    </message>
    <message>
        <source>anthropic</source>
        <translation>anthropic</translation>
    </message>
    <message>
        <source>One per line or comma separated; Refresh models lists them from the provider</source>
        <translation>Eines pro Zeile oder durch Kommas getrennt; „Modelle aktualisieren“ ruft sie beim Anbieter ab</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>&amp;Models:</source>
        <translation>&amp;Modelle:</translation>
    </message>
    <message>
        <source>%1 (use Replace key on the page to change it)</source>
        <translation>%1 (mit „Schlüssel ersetzen“ auf der Seite ändern)</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>required, for example http://127.0.0.1:8000/v1</source>
        <translation>erforderlich, zum Beispiel http://127.0.0.1:8000/v1</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>nicht erforderlich</translation>
    </message>
    <message>
        <source>is required for an openai-compatible provider</source>
        <translation>ist für einen Anbieter vom Typ openai-compatible erforderlich</translation>
    </message>
    <message>
        <source>is required for a %1 provider at %2 (not for one on this machine)</source>
        <translation>ist für einen %1-Anbieter unter %2 erforderlich (nicht für einen auf diesem Rechner)</translation>
    </message>
    <message>
        <source>no secret store is available for provider keys</source>
        <translation>für Anbieterschlüssel ist kein Geheimnisspeicher verfügbar</translation>
    </message>
    <message>
        <source>The provider %1 no longer exists: it was removed while you were editing it.</source>
        <translation>Der Anbieter %1 existiert nicht mehr: Er wurde entfernt, während Sie ihn bearbeitet haben.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ProviderTableModel</name>
    <message>
        <source>set</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>nicht erforderlich</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>No models listed or entered yet</source>
        <translation>Noch keine Modelle abgerufen oder eingegeben</translation>
    </message>
    <message>
        <source>A key is stored; it is never shown. Use Replace key to change it.</source>
        <translation>Ein Schlüssel ist gespeichert; er wird nie angezeigt. Ändern Sie ihn mit „Schlüssel ersetzen“.</translation>
    </message>
    <message>
        <source>This provider type takes no API key</source>
        <translation>Dieser Anbietertyp verwendet keinen API-Schlüssel</translation>
    </message>
    <message>
        <source>No key is stored</source>
        <translation>Es ist kein Schlüssel gespeichert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Models refreshed</source>
        <translation>Modelle aktualisiert</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ProvidersPage</name>
    <message>
        <source>no secret store is available for provider keys</source>
        <translation>für Anbieterschlüssel ist kein Geheimnisspeicher verfügbar</translation>
    </message>
    <message>
        <source>Provider keys cannot be stored: %1. Providers that need no key (Ollama, or a server on this machine) can still be added.</source>
        <translation>Anbieterschlüssel können nicht gespeichert werden: %1. Anbieter, die keinen Schlüssel brauchen (Ollama oder ein Server auf diesem Rechner), können weiterhin hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Note: %1.</source>
        <translation>Hinweis: %1.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Lists the provider&apos;s models with its key and says how long it took</source>
        <translation>Ruft die Modelle des Anbieters mit seinem Schlüssel ab und zeigt, wie lange das gedauert hat</translation>
    </message>
    <message>
        <source>Refresh &amp;models</source>
        <translation>&amp;Modelle aktualisieren</translation>
    </message>
    <message>
        <source>Lists the models from the provider and stores them</source>
        <translation>Ruft die Modelle beim Anbieter ab und speichert sie</translation>
    </message>
    <message>
        <source>Replace &amp;key…</source>
        <translation>Schlüssel e&amp;rsetzen…</translation>
    </message>
    <message>
        <source>AI Providers</source>
        <translation>KI-Anbieter</translation>
    </message>
    <message>
        <source>AI provider</source>
        <translation>KI-Anbieter</translation>
    </message>
    <message>
        <source>Remove %1 AI providers (%2) and their stored keys?</source>
        <translation>%1 KI-Anbieter (%2) und ihre gespeicherten Schlüssel entfernen?</translation>
    </message>
    <message>
        <source>Remove the AI provider &quot;%1&quot; and its stored key?</source>
        <translation>Den KI-Anbieter „%1“ und seinen gespeicherten Schlüssel entfernen?</translation>
    </message>
    <message>
        <source>No model alias names it; requests for its models will fail once it is gone.</source>
        <translation>Kein Modell-Alias verweist darauf; Anfragen an seine Modelle schlagen fehl, sobald er entfernt ist.</translation>
    </message>
    <message>
        <source>The model aliases %1 name it: they must be removed or changed first, so the removal will be refused.</source>
        <translation>Die Modell-Aliasse %1 verweisen darauf: Sie müssen zuerst entfernt oder geändert werden, daher wird das Entfernen abgelehnt.</translation>
    </message>
    <message>
        <source>Remove AI providers</source>
        <translation>KI-Anbieter entfernen</translation>
    </message>
    <message>
        <source>Remove AI provider</source>
        <translation>KI-Anbieter entfernen</translation>
    </message>
    <message>
        <source>AI provider %1 removed</source>
        <translation>KI-Anbieter %1 entfernt</translation>
    </message>
    <message>
        <source>%1 AI providers removed</source>
        <translation>%1 KI-Anbieter entfernt</translation>
    </message>
    <message>
        <source>Key of %1 replaced</source>
        <translation>Schlüssel von %1 ersetzt</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Listing the models of %1…</source>
        <translation>Die Modelle von %1 werden abgerufen…</translation>
    </message>
    <message>
        <source>the key of %1 is missing from %2; replace it</source>
        <translation>der Schlüssel von %1 fehlt in %2; ersetzen Sie ihn</translation>
    </message>
    <message>
        <source>OK, %1 models, %2 ms</source>
        <translation>OK, %1 Modelle, %2 ms</translation>
    </message>
    <message>
        <source>%1 models listed from %2</source>
        <translation>%1 Modelle von %2 abgerufen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RateLimitField</name>
    <message>
        <source>e.g. 10/s or 600/m; empty: the API&apos;s default</source>
        <translation>z. B. 10/s oder 600/m; leer: die Vorgabe der API</translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation>&amp;Ratenlimit:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RecentRevocationsModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Konsument</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ReplaceKeyDialog</name>
    <message>
        <source>Replace the key of %1</source>
        <translation>Schlüssel von %1 ersetzen</translation>
    </message>
    <message>
        <source>The key stored for %1 is replaced. It cannot be shown, now or later.</source>
        <translation>Der für %1 gespeicherte Schlüssel wird ersetzt. Er kann weder jetzt noch später angezeigt werden.</translation>
    </message>
    <message>
        <source>No key is stored for %1 yet. Once stored it cannot be shown again.</source>
        <translation>Für %1 ist noch kein Schlüssel gespeichert. Einmal gespeichert, kann er nicht mehr angezeigt werden.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>no secret store is available for provider keys</source>
        <translation>für Anbieterschlüssel ist kein Geheimnisspeicher verfügbar</translation>
    </message>
    <message>
        <source>Store key</source>
        <translation>Schlüssel speichern</translation>
    </message>
    <message>
        <source>New API &amp;key:</source>
        <translation>Neuer API-&amp;Schlüssel:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RequestDetailsPane</name>
    <message>
        <source>Select a request to see all its recorded fields.</source>
        <translation>Wählen Sie eine Anfrage, um alle ihre aufgezeichneten Felder zu sehen.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>#%1 (since removed)</source>
        <translation>#%1 (inzwischen entfernt)</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1 (#%2)</translation>
    </message>
    <message>
        <source>, ends in …%1</source>
        <translation>, endet auf …%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>%1 (%2 UTC)</source>
        <translation>%1 (%2 UTC)</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <source>Log entry</source>
        <translation>Protokolleintrag</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Konsument</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>none (the connection closed first)</source>
        <translation>keiner (die Verbindung wurde vorher geschlossen)</translation>
    </message>
    <message>
        <source>Upstream status</source>
        <translation>Upstream-Status</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>nicht erreicht</translation>
    </message>
    <message>
        <source>Refused by the gateway</source>
        <translation>Vom Gateway abgewiesen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Bytes aus</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>Client-Adresse</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>AI provider</source>
        <translation>KI-Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Tokens ein</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens aus</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RequestLogExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RequestLogModel</name>
    <message>
        <source>%1 (gth_…%2)</source>
        <translation>%1 (gth_…%2)</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Konsument</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Bytes in / out</source>
        <translation>Bytes ein / aus</translation>
    </message>
    <message>
        <source>AI %1/%2</source>
        <translation>KI %1/%2</translation>
    </message>
    <message>
        <source>AI tokens in / out</source>
        <translation>KI-Tokens ein / aus</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RequestRateChart</name>
    <message>
        <source>Requests per minute over the last hour</source>
        <translation>Anfragen pro Minute in der letzten Stunde</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the last hour</source>
        <translation>
            <numerusform>%n Anfrage in der letzten Stunde</numerusform>
            <numerusform>%n Anfragen in der letzten Stunde</numerusform>
        </translation>
    </message>
    <message>
        <source>60 min ago</source>
        <translation>vor 60 Min.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>No requests in the last hour</source>
        <translation>Keine Anfragen in der letzten Stunde</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RotateTokenDialog</name>
    <message>
        <source>Rotate Token</source>
        <translation>Token rotieren</translation>
    </message>
    <message>
        <source>Token %1 &quot;%2&quot; of %3 gets a successor with the same scopes and lifetime length. The old token keeps working during the grace period, so that clients can switch.</source>
        <translation>Token %1 „%2“ von %3 erhält einen Nachfolger mit denselben Scopes und derselben Laufzeit. Das alte Token funktioniert während der Übergangsfrist weiter, damit Clients wechseln können.</translation>
    </message>
    <message>
        <source>None: the old token stops at once</source>
        <translation>Keine: Das alte Token endet sofort</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>e.g. 30m, 2h, 1d12h</source>
        <translation>z. B. 30m, 2h, 1d12h</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>&amp;Übergangsfrist:</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Rotieren</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TimelineLegend</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revocation</source>
        <translation>Widerruf</translation>
    </message>
    <message>
        <source>Expires within 7 days</source>
        <translation>Läuft innerhalb von 7 Tagen ab</translation>
    </message>
    <message>
        <source>Grace ends</source>
        <translation>Ende der Übergangsfrist</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TimelinePage</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Show a shorter span (+)</source>
        <translation>Einen kürzeren Zeitraum zeigen (+)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Show a longer span (-)</source>
        <translation>Einen längeren Zeitraum zeigen (-)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>Bring now back into view (Home)</source>
        <translation>Den aktuellen Zeitpunkt wieder einblenden (Pos1)</translation>
    </message>
    <message>
        <source>Filter by name, consumer or scope</source>
        <translation>Nach Name, Konsument oder Scope filtern</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Cannot read the tokens: %1</source>
        <translation>Die Tokens können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot revoke token %1: %2</source>
        <translation>Token %1 kann nicht widerrufen werden: %2</translation>
    </message>
    <message>
        <source>Token %1 (%2) revoked</source>
        <translation>Token %1 (%2) widerrufen</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenDetailsPane</name>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Rotate…</source>
        <translation>Rotieren…</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Consumer:</source>
        <translation>Konsument:</translation>
    </message>
    <message>
        <source>Ends in:</source>
        <translation>Endet auf:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Scopes:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation>Zuletzt verwendet:</translation>
    </message>
    <message>
        <source>Revoked:</source>
        <translation>Widerrufen:</translation>
    </message>
    <message>
        <source>Rotation:</source>
        <translation>Rotation:</translation>
    </message>
    <message>
        <source>Rate limit:</source>
        <translation>Ratenlimit:</translation>
    </message>
    <message>
        <source>Revoke this token now: the gateway refuses it from the next request</source>
        <translation>Dieses Token jetzt widerrufen: Das Gateway weist es ab der nächsten Anfrage ab</translation>
    </message>
    <message>
        <source>Issue a successor and retire this token after a grace period</source>
        <translation>Einen Nachfolger ausstellen und dieses Token nach einer Übergangsfrist stilllegen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>scheduled for %1 (%2)</source>
        <translation>geplant für %1 (%2)</translation>
    </message>
    <message>
        <source>replaces token %1</source>
        <translation>ersetzt Token %1</translation>
    </message>
    <message>
        <source>rotated away; grace period ends %1</source>
        <translation>abgelöst; die Übergangsfrist endet am %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>the API&apos;s default</source>
        <translation>die Vorgabe der API</translation>
    </message>
    <message>
        <source>Select a token to see its details.</source>
        <translation>Wählen Sie ein Token, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>%1 tokens selected.</source>
        <translation>%1 Tokens ausgewählt.</translation>
    </message>
    <message>
        <source>%1 tokens a day</source>
        <translation>%1 Tokens pro Tag</translation>
    </message>
    <message>
        <source>%1 tokens a month</source>
        <translation>%1 Tokens pro Monat</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>%1 of %2 tokens: spent, AI requests are refused</source>
        <translation>%1 von %2 Tokens: aufgebraucht, KI-Anfragen werden abgelehnt</translation>
    </message>
    <message>
        <source>%1 of %2 tokens (%3%)</source>
        <translation>%1 von %2 Tokens (%3 %)</translation>
    </message>
    <message>
        <source>Edit Limits…</source>
        <translation>Limits bearbeiten…</translation>
    </message>
    <message>
        <source>AI budget:</source>
        <translation>KI-Budget:</translation>
    </message>
    <message>
        <source>AI limits:</source>
        <translation>KI-Limits:</translation>
    </message>
    <message>
        <source>AI usage today:</source>
        <translation>KI-Verbrauch heute:</translation>
    </message>
    <message>
        <source>AI usage this month:</source>
        <translation>KI-Verbrauch diesen Monat:</translation>
    </message>
    <message>
        <source>Consumer&apos;s budget:</source>
        <translation>Budget des Konsumenten:</translation>
    </message>
    <message>
        <source>Change this token&apos;s rate limit, AI budgets and AI limits</source>
        <translation>Ratenlimit, KI-Budgets und KI-Limits dieses Tokens ändern</translation>
    </message>
    <message>
        <source>%1 requests a minute</source>
        <translation>%1 Anfragen pro Minute</translation>
    </message>
    <message>
        <source>%1 tokens a minute</source>
        <translation>%1 Tokens pro Minute</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <source>today %1; this month %2</source>
        <translation>heute %1; diesen Monat %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenLimitsDialog</name>
    <message>
        <source>Limits of Token %1</source>
        <translation>Limits von Token %1</translation>
    </message>
    <message>
        <source>%1 of %2, ending in …%3. The gateway applies new limits within seconds.</source>
        <translation>%1 von %2, endet auf …%3. Das Gateway wendet neue Limits innerhalb von Sekunden an.</translation>
    </message>
    <message>
        <source>AI limits</source>
        <translation>KI-Limits</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenTableModel</name>
    <message>
        <source>Token %1, ends in %2</source>
        <translation>Token %1, endet auf %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>This token never expires</source>
        <translation>Dieses Token läuft nie ab</translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation>Noch nicht verwendet</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Konsument</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenTimeline</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Consumer:</source>
        <translation>Konsument:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Scopes:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>Revoked:</source>
        <translation>Widerrufen:</translation>
    </message>
    <message>
        <source>Grace ends:</source>
        <translation>Übergangsfrist endet:</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation>Zuletzt verwendet:</translation>
    </message>
    <message>
        <source>&amp;Show in Tokens</source>
        <translation>In Tokens &amp;zeigen</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation>R&amp;otieren…</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokensPage</name>
    <message>
        <source>&amp;New Token…</source>
        <translation>&amp;Neues Token…</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation>R&amp;otieren…</translation>
    </message>
    <message>
        <source>Revoke the selected tokens now, without asking: the gateway refuses them from the next request (Ctrl+R)</source>
        <translation>Die ausgewählten Tokens jetzt ohne Rückfrage widerrufen: Das Gateway weist sie ab der nächsten Anfrage ab (Strg+R)</translation>
    </message>
    <message>
        <source>Issue a successor to the selected token, with a grace period for the old one</source>
        <translation>Einen Nachfolger für das ausgewählte Token ausstellen, mit einer Übergangsfrist für das alte</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Every usable token, the expiring ones included</source>
        <translation>Jedes verwendbare Token, einschließlich der bald ablaufenden</translation>
    </message>
    <message>
        <source>&amp;Consumer:</source>
        <translation>&amp;Konsument:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Zustand:</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>All consumers</source>
        <translation>Alle Konsumenten</translation>
    </message>
    <message>
        <source>Token %1: %2</source>
        <translation>Token %1: %2</translation>
    </message>
    <message>
        <source>Token %1 revoked</source>
        <translation>Token %1 widerrufen</translation>
    </message>
    <message>
        <source>%1 tokens revoked</source>
        <translation>%1 Tokens widerrufen</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Not every token could be revoked:
%1</source>
        <translation>Nicht jedes Token konnte widerrufen werden:
%1</translation>
    </message>
    <message>
        <source>Token %1 issued for %2</source>
        <translation>Token %1 für %2 ausgestellt</translation>
    </message>
    <message>
        <source>&amp;Limits…</source>
        <translation>&amp;Limits…</translation>
    </message>
    <message>
        <source>Change the selected token&apos;s rate limit, AI budgets and AI limits</source>
        <translation>Ratenlimit, KI-Budgets und KI-Limits des ausgewählten Tokens ändern</translation>
    </message>
    <message>
        <source>Cannot read the AI usage: %1</source>
        <translation>Der KI-Verbrauch kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Limits of token %1 saved</source>
        <translation>Limits von Token %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TopConsumersModel</name>
    <message>
        <source>consumer %1</source>
        <translation>Konsument %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Konsument</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
</context>
</TS>
