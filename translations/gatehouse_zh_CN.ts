<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Console</name>
    <message>
        <source>Gatehouse console: API bearer tokens and a local gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory holding the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local gateway&apos;s port (default: the last one used, else 8080).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not start the local gateway this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console&apos;s language: %1 (default: the system&apos;s language, else English).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LANG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of every page into DIR, then quit (tools/screenshots.sh).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog could not be opened:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsolePages</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic, error rates, latency and the tokens about to expire, at a glance, arrive in the next release; the Live Log page shows every request today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI providers (OpenAI, Anthropic, Mistral, Gemini, Ollama) with keys in the system keychain arrive in a later release.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportFileChooser</name>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldErrorLabel</name>
    <message>
        <source>%1 %2</source>
        <extracomment>A field&apos;s label, then the core&apos;s reason, which stays English (as the CLI prints it): &quot;Name is required&quot;. A translation that cannot continue the label with English text can separate them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenState</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiDialog</name>
    <message>
        <source>Edit API %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://billing.example.com/v2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Strip the prefix before forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (or 100/s, 600/m, 1000/h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upstream URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Max body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rate limit per token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/&lt;name&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API %1 no longer exists: it was removed while you were editing it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiTableModel</name>
    <message>
        <source>Removed from the path before forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded with the path unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 usable; %2 expired or revoked tokens also name it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usable tokens whose scopes name this API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApisPage</name>
    <message>
        <source>APIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable token grants access to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable token grants access to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 usable token grants access to them and will lose that access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 usable token grants access to it and will lose that access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 usable tokens grant access to them and will lose that access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 usable tokens grant access to it and will lose that access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 expired or revoked token also names them in its scopes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 expired or revoked token also names it in its scopes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 expired or revoked tokens also name them in their scopes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 expired or revoked tokens also name it in their scopes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 APIs (%2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the API &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove APIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API %1 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 APIs removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditPage</name>
    <message>
        <source>Showing the newest %1 events; older ones are not listed here (gatehouse-cli audit list --limit N shows more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reread the audit trail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail reread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CatalogTablePage</name>
    <message>
        <source>%1 %2 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 renamed to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reread the %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConsumerDialog</name>
    <message>
        <source>Edit Consumer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile-app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who or what holds its tokens, and who to ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consumer %1 no longer exists: it was removed while you were editing it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConsumerTableModel</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConsumersPage</name>
    <message>
        <source>Consumers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Consumers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 consumers (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the consumer &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 active token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?

It still holds %2. Removing it revokes them at once: whoever uses them is refused from now on.

Revoke the tokens and remove?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer %1 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 consumers removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; 1 token revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 tokens revoked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::FilterableTable</name>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GatewayController</name>
    <message>
        <source>Gateway stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GatewayToolBar</name>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loopback port the gateway listens on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the local gateway (Ctrl+Shift+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the local gateway (Ctrl+Shift+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use port %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IssuedTokenDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token rotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token %1 &quot;%2&quot; for %3 replaces token %4 and %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token %1 &quot;%2&quot; for %3 %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this token now: it cannot be shown again. Gatehouse keeps only its hash; if it is lost, rotate the token. The clipboard is cleared %1 seconds after copying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::LiveLogPage</name>
    <message>
        <source>Reading the request log failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by path or request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests the gateway refused itself (no token, unknown token, scope, rate limit, no route)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show requests answered with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All held rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused — Resume (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New requests keep arriving; resume following to jump to the newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the token the selected request used, at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rows the filters show as CSV or JSON Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (gth_…%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All consumers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n older request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 requests shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Token &quot;%1&quot; (gth_…%2) revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n request(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n request(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::MainWindow</name>
    <message>
        <source>Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog this console works on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an item to this page (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected item (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected items (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the selected tokens now: the gateway refuses them from the next request (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the current table (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reread the catalog (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the gateway when Gatehouse opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;API bearer tokens and a local gateway.&lt;/p&gt;&lt;p&gt;Catalog: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 req/s · %2 open connections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::NewTokenDialog</name>
    <message>
        <source>New Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consumers yet: add one on the Consumers page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: &quot;&lt;consumer&gt; &lt;date&gt;&quot; if empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;ver expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token that never expires works for whoever holds it until someone revokes it. Prefer a lifetime and rotate the token before it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 10/s or 600/m; empty: the API&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consumer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lifetime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No APIs yet: add one on the APIs page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only (GET, HEAD, OPTIONS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-write (every method)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry must lie in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a consumer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no consumer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no API to grant access to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one API.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RequestDetailsPane</name>
    <message>
        <source>Select a request to see all its recorded fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 (since removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, ends in …%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (the connection closed first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RequestLogExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RequestLogModel</name>
    <message>
        <source>%1 (gth_…%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes in / out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RotateTokenDialog</name>
    <message>
        <source>Rotate Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token %1 &quot;%2&quot; of %3 gets a successor with the same scopes and lifetime length. The old token keeps working during the grace period, so that clients can switch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: the old token stops at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 30m, 2h, 1d12h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TimelineLegend</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TimelinePage</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a shorter span (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a longer span (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring now back into view (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, consumer or scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the tokens: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot revoke token %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token %1 (%2) revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenDetailsPane</name>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke this token now: the gateway refuses it from the next request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a successor and retire this token after a grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheduled for %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaces token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rotated away; grace period ends %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a token to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens selected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenTableModel</name>
    <message>
        <source>Token %1, ends in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenTimeline</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace ends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show in Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokensPage</name>
    <message>
        <source>&amp;New Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the selected tokens now, without asking: the gateway refuses them from the next request (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a successor to the selected token, with a grace period for the old one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every usable token, the expiring ones included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consumer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All consumers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token %1 revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not every token could be revoked:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token %1 issued for %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
