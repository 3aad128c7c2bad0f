<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Console</name>
    <message>
        <source>Gatehouse console: API bearer tokens and a local gateway.</source>
        <translation>Gatehouse 控制台：API 持有者令牌与本地网关。</translation>
    </message>
    <message>
        <source>The directory holding the catalog.</source>
        <translation>存放目录数据库的目录。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>The local gateway&apos;s port (default: the last one used, else 8080).</source>
        <translation>本地网关的端口（默认：上次使用的端口，否则为 8080）。</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Do not start the local gateway this time.</source>
        <translation>本次不启动本地网关。</translation>
    </message>
    <message>
        <source>The console&apos;s language: %1 (default: the system&apos;s language, else English).</source>
        <translation>控制台的语言：%1（默认：系统语言，否则为英语）。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Save a PNG of every page into DIR, then quit (tools/screenshots.sh).</source>
        <translation>将每个页面的 PNG 截图保存到“目录”中，然后退出（tools/screenshots.sh）。</translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>The catalog could not be opened:
%1</source>
        <translation>无法打开目录：
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
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>1 minute</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 周</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 周</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 个月</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1后</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1前</translation>
    </message>
</context>
<context>
    <name>TokenState</name>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AiLimitsFields</name>
    <message>
        <source>e.g. 250k or 2M; empty: no limit</source>
        <translation>例如 250k 或 2M；留空：不限制</translation>
    </message>
    <message>
        <source>AI tokens (prompt plus completion) that all of the consumer&apos;s tokens together may spend per UTC day, on top of each token&apos;s own budget; the gateway then answers 429 until midnight UTC.</source>
        <translation>该消费者的所有令牌每个 UTC 日合计可消耗的 AI Token 数（提示加补全），在每个令牌自身预算之外另行计算；用尽后网关在 UTC 午夜前一律返回 429。</translation>
    </message>
    <message>
        <source>AI tokens (prompt plus completion) that this token may spend per UTC day; the gateway then answers 429 until midnight UTC.</source>
        <translation>此令牌每个 UTC 日可消耗的 AI Token 数（提示加补全）；用尽后网关在 UTC 午夜前一律返回 429。</translation>
    </message>
    <message>
        <source>&amp;Monthly budget:</source>
        <translation>每月预算(&amp;M)：</translation>
    </message>
    <message>
        <source>AI tokens (prompt plus completion) that all of the consumer&apos;s tokens together may spend per calendar month (UTC), on top of each token&apos;s own budget.</source>
        <translation>该消费者的所有令牌每个自然月（UTC）合计可消耗的 AI Token 数（提示加补全），在每个令牌自身预算之外另行计算。</translation>
    </message>
    <message>
        <source>AI tokens (prompt plus completion) that this token may spend per calendar month (UTC).</source>
        <translation>此令牌每个自然月（UTC）可消耗的 AI Token 数（提示加补全）。</translation>
    </message>
    <message>
        <source>AI re&amp;quests a minute:</source>
        <translation>每分钟 AI 请求数(&amp;Q)：</translation>
    </message>
    <message>
        <source>e.g. 60; empty: no limit</source>
        <translation>例如 60；留空：不限制</translation>
    </message>
    <message>
        <source>Requests a minute on the AI routes, whatever they cost.</source>
        <translation>每分钟在 AI 路由上的请求数，不论其消耗多少。</translation>
    </message>
    <message>
        <source>AI &amp;tokens a minute:</source>
        <translation>每分钟 AI Token 数(&amp;T)：</translation>
    </message>
    <message>
        <source>AI tokens (prompt plus completion) a minute.</source>
        <translation>每分钟的 AI Token 数（提示加补全）。</translation>
    </message>
    <message>
        <source>Write a whole number of requests a minute, from 1 to %1; leave it empty for no limit.</source>
        <translation>请输入每分钟请求数的整数，范围 1 到 %1；留空表示不限制。</translation>
    </message>
    <message>
        <source>Write a number of tokens, such as 250000, 250k or 2M; leave it empty for no limit.</source>
        <translation>请输入 Token 数，例如 250000、250k 或 2M；留空表示不限制。</translation>
    </message>
    <message>
        <source>At most %1 tokens a minute.</source>
        <translation>每分钟最多 %1 个 Token。</translation>
    </message>
    <message>
        <source>Dail&amp;y budget:</source>
        <translation>每日预算(&amp;Y)：</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AiUsageModel</name>
    <message>
        <source>%1: %2 tokens in all</source>
        <translation>%1：共 %2 个 Token</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>输入 Token</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>输出 Token</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiDialog</name>
    <message>
        <source>Edit API %1</source>
        <translation>编辑 API %1</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>新建 API</translation>
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
        <translation>转发前去除前缀(&amp;S)</translation>
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
        <translation>无（或 100/s、600/m、1000/h）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Upstream URL</source>
        <translation>上游 URL</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Max body</source>
        <translation>最大请求体</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>速率限制</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Upstream URL:</source>
        <translation>上游 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>前缀(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Max body:</source>
        <translation>最大请求体(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Rate limit per token:</source>
        <translation>每个令牌的速率限制(&amp;R)：</translation>
    </message>
    <message>
        <source>/&lt;name&gt;</source>
        <translation>/&lt;名称&gt;</translation>
    </message>
    <message>
        <source>The API %1 no longer exists: it was removed while you were editing it.</source>
        <translation>API %1 已不存在：在您编辑期间它已被删除。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApiTableModel</name>
    <message>
        <source>Removed from the path before forwarding</source>
        <translation>转发前从路径中去除</translation>
    </message>
    <message>
        <source>Forwarded with the path unchanged</source>
        <translation>按原路径转发</translation>
    </message>
    <message>
        <source>%1 usable; %2 expired or revoked tokens also name it</source>
        <translation>%1 个可用；另有 %2 个已过期或已吊销的令牌也包含它</translation>
    </message>
    <message>
        <source>Usable tokens whose scopes name this API</source>
        <translation>作用域包含此 API 的可用令牌</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>上游</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ApisPage</name>
    <message>
        <source>APIs</source>
        <translation>API</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>No usable token grants access to them.</source>
        <translation>没有可用令牌授予对它们的访问权限。</translation>
    </message>
    <message>
        <source>No usable token grants access to it.</source>
        <translation>没有可用令牌授予对它的访问权限。</translation>
    </message>
    <message>
        <source>1 usable token grants access to them and will lose that access.</source>
        <translation>有 1 个可用令牌可以访问它们，并将失去该访问权限。</translation>
    </message>
    <message>
        <source>1 usable token grants access to it and will lose that access.</source>
        <translation>有 1 个可用令牌可以访问它，并将失去该访问权限。</translation>
    </message>
    <message>
        <source>%1 usable tokens grant access to them and will lose that access.</source>
        <translation>有 %1 个可用令牌可以访问它们，并将失去该访问权限。</translation>
    </message>
    <message>
        <source>%1 usable tokens grant access to it and will lose that access.</source>
        <translation>有 %1 个可用令牌可以访问它，并将失去该访问权限。</translation>
    </message>
    <message>
        <source>1 expired or revoked token also names them in its scopes.</source>
        <translation>另有 1 个已过期或已吊销的令牌在其作用域中包含它们。</translation>
    </message>
    <message>
        <source>1 expired or revoked token also names it in its scopes.</source>
        <translation>另有 1 个已过期或已吊销的令牌在其作用域中包含它。</translation>
    </message>
    <message>
        <source>%1 expired or revoked tokens also name them in their scopes.</source>
        <translation>另有 %1 个已过期或已吊销的令牌在其作用域中包含它们。</translation>
    </message>
    <message>
        <source>%1 expired or revoked tokens also name it in their scopes.</source>
        <translation>另有 %1 个已过期或已吊销的令牌在其作用域中包含它。</translation>
    </message>
    <message>
        <source>Remove API</source>
        <translation>删除 API</translation>
    </message>
    <message>
        <source>Remove %1 APIs (%2)?</source>
        <translation>删除 %1 个 API（%2）？</translation>
    </message>
    <message>
        <source>Remove the API &quot;%1&quot;?</source>
        <translation>删除 API“%1”？</translation>
    </message>
    <message>
        <source>Remove APIs</source>
        <translation>删除 API</translation>
    </message>
    <message>
        <source>API %1 removed</source>
        <translation>API %1 已删除</translation>
    </message>
    <message>
        <source>%1 APIs removed</source>
        <translation>已删除 %1 个 API</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditPage</name>
    <message>
        <source>Showing the newest %1 events; older ones are not listed here (gatehouse-cli audit list --limit N shows more).</source>
        <translation>显示最新的 %1 个事件；更早的事件不在此列出（gatehouse-cli audit list --limit N 可显示更多）。</translation>
    </message>
    <message>
        <source>Could not reread the audit trail: %1</source>
        <translation>无法重新读取审计记录：%1</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Audit trail reread</source>
        <translation>已重新读取审计记录</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::CatalogTablePage</name>
    <message>
        <source>%1 %2 added</source>
        <translation>已添加 %1 %2</translation>
    </message>
    <message>
        <source>%1 %2 renamed to %3</source>
        <translation>%1 %2 已重命名为 %3</translation>
    </message>
    <message>
        <source>%1 %2 updated</source>
        <translation>%1 %2 已更新</translation>
    </message>
    <message>
        <source>Could not reread the %1: %2</source>
        <translation>无法重新读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 reread</source>
        <translation>已重新读取 %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConsumerDialog</name>
    <message>
        <source>Edit Consumer %1</source>
        <translation>编辑消费者 %1</translation>
    </message>
    <message>
        <source>New Consumer</source>
        <translation>新建消费者</translation>
    </message>
    <message>
        <source>mobile-app</source>
        <translation>mobile-app</translation>
    </message>
    <message>
        <source>Who or what holds its tokens, and who to ask</source>
        <translation>谁或什么持有其令牌，以及联系谁</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>The consumer %1 no longer exists: it was removed while you were editing it.</source>
        <translation>消费者 %1 已不存在：在您编辑期间它已被删除。</translation>
    </message>
    <message>
        <source>AI budget (optional)</source>
        <translation>AI 预算（可选）</translation>
    </message>
    <message>
        <source>Shared by all of the consumer&apos;s tokens, on top of each token&apos;s own budget</source>
        <translation>由该消费者的所有令牌共享，在每个令牌自身预算之外另行计算</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConsumerTableModel</name>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Active tokens</source>
        <translation>有效令牌</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <source>%1/day</source>
        <translation>%1/天</translation>
    </message>
    <message>
        <source>%1/month</source>
        <translation>%1/月</translation>
    </message>
    <message>
        <source>AI tokens all of its tokens may spend together, on top of each token&apos;s own budget</source>
        <translation>其所有令牌合计可消耗的 AI Token 数，在每个令牌自身预算之外另行计算</translation>
    </message>
    <message>
        <source>No AI budget: its tokens are limited by their own budgets only</source>
        <translation>没有 AI 预算：其令牌仅受各自预算限制</translation>
    </message>
    <message>
        <source>AI budget</source>
        <translation>AI 预算</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConsumersPage</name>
    <message>
        <source>Consumers</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Remove Consumer</source>
        <translation>删除消费者</translation>
    </message>
    <message>
        <source>Remove Consumers</source>
        <translation>删除消费者</translation>
    </message>
    <message>
        <source>%1 consumers (%2)</source>
        <translation>%1 个消费者（%2）</translation>
    </message>
    <message>
        <source>the consumer &quot;%1&quot;</source>
        <translation>消费者“%1”</translation>
    </message>
    <message>
        <source>1 active token</source>
        <translation>1 个有效令牌</translation>
    </message>
    <message>
        <source>%1 active tokens</source>
        <translation>%1 个有效令牌</translation>
    </message>
    <message>
        <source>Remove %1?

It still holds %2. Removing it revokes them at once: whoever uses them is refused from now on.

Revoke the tokens and remove?</source>
        <translation>删除%1？

它仍持有 %2。删除后这些令牌将立即被吊销：从现在起，使用它们的任何请求都会被拒绝。

吊销这些令牌并删除？</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>删除%1？</translation>
    </message>
    <message>
        <source>Consumer %1 removed</source>
        <translation>消费者 %1 已删除</translation>
    </message>
    <message>
        <source>%1 consumers removed</source>
        <translation>已删除 %1 个消费者</translation>
    </message>
    <message>
        <source>; 1 token revoked</source>
        <translation>；已吊销 1 个令牌</translation>
    </message>
    <message>
        <source>; %1 tokens revoked</source>
        <translation>；已吊销 %1 个令牌</translation>
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
        <translation>在“令牌”页面中打开此令牌</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ExpiryNotifier</name>
    <message>
        <source>A token expires soon</source>
        <translation>有令牌即将过期</translation>
    </message>
    <message>
        <source>“%1” of %2 expires %3 (%4).</source>
        <translation>%2 的“%1”将于%3过期（%4）。</translation>
    </message>
    <message>
        <source>“%1” of %2</source>
        <translation>%2 的“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) expire within a day</source>
        <translation>
            <numerusform>%n 个令牌将在一天内过期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::FilterableTable</name>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>筛选 (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GatewayController</name>
    <message>
        <source>Gateway stopped</source>
        <translation>网关已停止</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <source>Gateway error: %1</source>
        <translation>网关错误：%1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GatewayToolBar</name>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Start gateway</source>
        <translation>启动网关</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>The loopback port the gateway listens on</source>
        <translation>网关监听的回环端口</translation>
    </message>
    <message>
        <source>Stop gateway</source>
        <translation>停止网关</translation>
    </message>
    <message>
        <source>Stop the local gateway (Ctrl+Shift+G)</source>
        <translation>停止本地网关 (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <source>Start the local gateway (Ctrl+Shift+G)</source>
        <translation>启动本地网关 (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <source>Use port %1</source>
        <translation>使用端口 %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GatewayTray</name>
    <message>
        <source>Show Gatehouse</source>
        <translation>显示 Gatehouse</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Gatehouse: %1</source>
        <translation>Gatehouse：%1</translation>
    </message>
    <message>
        <source>Stop gateway</source>
        <translation>停止网关</translation>
    </message>
    <message>
        <source>Start gateway</source>
        <translation>启动网关</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IssuedTokenDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Token rotated</source>
        <translation>令牌已轮换</translation>
    </message>
    <message>
        <source>Token created</source>
        <translation>令牌已创建</translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>于 %1 过期</translation>
    </message>
    <message>
        <source>Token %1 &quot;%2&quot; for %3 replaces token %4 and %5.</source>
        <translation>为 %3 签发的令牌 %1“%2”取代令牌 %4，并且%5。</translation>
    </message>
    <message>
        <source>Token %1 &quot;%2&quot; for %3 %4.</source>
        <translation>为 %3 签发的令牌 %1“%2”%4。</translation>
    </message>
    <message>
        <source>Copy this token now: it cannot be shown again. Gatehouse keeps only its hash; if it is lost, rotate the token. The clipboard is cleared %1 seconds after copying.</source>
        <translation>请立即复制此令牌：它无法再次显示。Gatehouse 只保存其哈希值；如果丢失，请轮换该令牌。复制 %1 秒后剪贴板将被清空。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::LiveLogPage</name>
    <message>
        <source>Reading the request log failed: %1</source>
        <translation>读取请求日志失败：%1</translation>
    </message>
    <message>
        <source>Live Log</source>
        <translation>实时日志</translation>
    </message>
    <message>
        <source>Filter by path or request id</source>
        <translation>按路径或请求 ID 筛选</translation>
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
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Requests the gateway refused itself (no token, unknown token, scope, rate limit, no route)</source>
        <translation>网关自身拒绝的请求（无令牌、未知令牌、作用域、速率限制、无路由）</translation>
    </message>
    <message>
        <source>Show requests answered with %1</source>
        <translation>显示以 %1 响应的请求</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>All held rows</source>
        <translation>所有已载入的行</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Paused — Resume (End)</source>
        <translation>已暂停 — 继续 (End)</translation>
    </message>
    <message>
        <source>New requests keep arriving; resume following to jump to the newest</source>
        <translation>新请求仍在不断到达；继续跟随以跳转到最新请求</translation>
    </message>
    <message>
        <source>Revoke Token</source>
        <translation>吊销令牌</translation>
    </message>
    <message>
        <source>Revoke the token the selected request used, at once</source>
        <translation>立即吊销所选请求使用的令牌</translation>
    </message>
    <message>
        <source>Show Token</source>
        <translation>显示令牌</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the rows the filters show as CSV or JSON Lines</source>
        <translation>将筛选后显示的行保存为 CSV 或 JSON Lines</translation>
    </message>
    <message>
        <source>Export Requests</source>
        <translation>导出请求</translation>
    </message>
    <message>
        <source>%1 (gth_…%2)</source>
        <translation>%1 (gth_…%2)</translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>所有 API</translation>
    </message>
    <message>
        <source>All consumers</source>
        <translation>所有消费者</translation>
    </message>
    <message>
        <source>All tokens</source>
        <translation>所有令牌</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n older request(s)</source>
        <translation>
            <numerusform>已加载 %n 个较早的请求</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 requests shown</source>
        <translation>显示 %2 个请求中的 %1 个</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <source>Token &quot;%1&quot; (gth_…%2) revoked</source>
        <translation>令牌“%1”(gth_…%2) 已吊销</translation>
    </message>
    <message>
        <source>An export is already running</source>
        <translation>已有导出正在进行</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n request(s)…</source>
        <translation>
            <numerusform>正在导出 %n 个请求…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n request(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个请求导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
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
        <translation>页面</translation>
    </message>
    <message>
        <source>The catalog this console works on</source>
        <translation>此控制台使用的目录</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Add an item to this page (Ctrl+N)</source>
        <translation>向此页面添加一项 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected item (Ctrl+E)</source>
        <translation>编辑所选项 (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>删除(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the selected items (Delete)</source>
        <translation>删除所选项 (Delete)</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>吊销(&amp;V)</translation>
    </message>
    <message>
        <source>Revoke the selected tokens now: the gateway refuses them from the next request (Ctrl+R)</source>
        <translation>立即吊销所选令牌：网关将从下一个请求起拒绝它们 (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Filter the current table (Ctrl+F)</source>
        <translation>筛选当前表格 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Reread the catalog (F5)</source>
        <translation>重新读取目录 (F5)</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>网关(&amp;G)</translation>
    </message>
    <message>
        <source>Start the gateway when Gatehouse opens</source>
        <translation>Gatehouse 打开时启动网关</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>关于 Gatehouse(&amp;A)</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>关于 Gatehouse</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;API bearer tokens and a local gateway.&lt;/p&gt;&lt;p&gt;Catalog: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;API 持有者令牌与本地网关。&lt;/p&gt;&lt;p&gt;目录：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>%1 · %2 req/s · %3 open connections</source>
        <translation>%1 · %2 请求/秒 · %3 个打开的连接</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::NewTokenDialog</name>
    <message>
        <source>New Token</source>
        <translation>新建令牌</translation>
    </message>
    <message>
        <source>Choose a consumer</source>
        <translation>选择消费者</translation>
    </message>
    <message>
        <source>No consumers yet: add one on the Consumers page first.</source>
        <translation>尚无消费者：请先在“消费者”页面添加一个。</translation>
    </message>
    <message>
        <source>Optional: &quot;&lt;consumer&gt; &lt;date&gt;&quot; if empty</source>
        <translation>可选：留空则为“&lt;消费者&gt; &lt;日期&gt;”</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 天</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>直到某个日期…</translation>
    </message>
    <message>
        <source>Ne&amp;ver expires</source>
        <translation>永不过期(&amp;V)</translation>
    </message>
    <message>
        <source>A token that never expires works for whoever holds it until someone revokes it. Prefer a lifetime and rotate the token before it ends.</source>
        <translation>永不过期的令牌对任何持有者都有效，直到有人将其吊销。建议设置有效期，并在到期前轮换令牌。</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Consumer:</source>
        <translation>消费者(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation>作用域(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Lifetime:</source>
        <translation>有效期(&amp;L)：</translation>
    </message>
    <message>
        <source>No APIs yet: add one on the APIs page first.</source>
        <translation>尚无 API：请先在“API”页面添加一个。</translation>
    </message>
    <message>
        <source>read-only (GET, HEAD, OPTIONS)</source>
        <translation>只读（GET、HEAD、OPTIONS）</translation>
    </message>
    <message>
        <source>read-write (every method)</source>
        <translation>读写（所有方法）</translation>
    </message>
    <message>
        <source>The expiry must lie in the future.</source>
        <translation>过期时间必须在将来。</translation>
    </message>
    <message>
        <source>Choose a consumer.</source>
        <translation>请选择一个消费者。</translation>
    </message>
    <message>
        <source>There is no consumer.</source>
        <translation>没有消费者。</translation>
    </message>
    <message>
        <source>There is no API to grant access to.</source>
        <translation>没有可授予访问权限的 API。</translation>
    </message>
    <message>
        <source>Tick at least one API.</source>
        <translation>请至少勾选一个 API。</translation>
    </message>
    <message>
        <source>AI limits (optional)</source>
        <translation>AI 限制（可选）</translation>
    </message>
    <message>
        <source>Only the AI routes count against these; the API routes have the rate limit above.</source>
        <translation>只有 AI 路由计入这些限制；API 路由适用上面的速率限制。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::OverviewPage</name>
    <message>
        <source>Requests, last hour</source>
        <translation>请求数（最近 1 小时）</translation>
    </message>
    <message>
        <source>Every request the gateway logged in the last 60 minutes</source>
        <translation>网关在最近 60 分钟内记录的所有请求</translation>
    </message>
    <message>
        <source>Requests this minute</source>
        <translation>本分钟请求数</translation>
    </message>
    <message>
        <source>Requests since the start of the current minute</source>
        <translation>自当前这一分钟开始以来的请求数</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>错误率</translation>
    </message>
    <message>
        <source>Server errors (5xx) and requests the gateway refused, as a share of all requests in the last hour</source>
        <translation>服务器错误（5xx）和被网关拒绝的请求占最近 1 小时内所有请求的比例</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>延迟 p50</translation>
    </message>
    <message>
        <source>Half of the last hour&apos;s requests took at most this</source>
        <translation>最近 1 小时内半数请求的耗时不超过此值</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>延迟 p95</translation>
    </message>
    <message>
        <source>95 in 100 of the last hour&apos;s requests took at most this</source>
        <translation>最近 1 小时内每 100 个请求中有 95 个耗时不超过此值</translation>
    </message>
    <message>
        <source>Reading the last hour of the request log…</source>
        <translation>正在读取最近 1 小时的请求日志…</translation>
    </message>
    <message>
        <source>Top consumers</source>
        <translation>请求最多的消费者</translation>
    </message>
    <message>
        <source>Tokens expiring within 7 days</source>
        <translation>7 天内过期的令牌</translation>
    </message>
    <message>
        <source>Click a token, or press Return, to open it in the Tokens page</source>
        <translation>单击令牌或按回车键，即可在“令牌”页面中打开它</translation>
    </message>
    <message>
        <source>Recent revocations</source>
        <translation>最近的吊销</translation>
    </message>
    <message>
        <source>Top consumers, last hour</source>
        <translation>请求最多的消费者（最近 1 小时）</translation>
    </message>
    <message>
        <source>Requests per minute, last hour</source>
        <translation>每分钟请求数（最近 1 小时）</translation>
    </message>
    <message>
        <source>The request log could not be read (%1): the figures count requests since the page opened.</source>
        <translation>无法读取请求日志（%1）：这些数字只统计自页面打开以来的请求。</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>AI usage by consumer, last %1 days (UTC)</source>
        <translation>按消费者统计的 AI 用量（最近 %1 天，UTC）</translation>
    </message>
    <message>
        <source>AI usage by model, last %1 days (UTC)</source>
        <translation>按模型统计的 AI 用量（最近 %1 天，UTC）</translation>
    </message>
    <message>
        <source>Reading the AI usage…</source>
        <translation>正在读取 AI 用量…</translation>
    </message>
    <message>
        <source>From %1 to %2 (UTC days, today included)</source>
        <translation>从 %1 到 %2（按 UTC 日计，含今天）</translation>
    </message>
    <message>
        <source>(no consumer)</source>
        <translation>（无消费者）</translation>
    </message>
    <message>
        <source>#%1 (deleted)</source>
        <translation>#%1（已删除）</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1（已删除）</translation>
    </message>
    <message>
        <source>The AI usage could not be read (%1): the tables count requests since the page opened.</source>
        <translation>无法读取 AI 用量（%1）：这些表格只统计自页面打开以来的请求。</translation>
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
        <translation>编辑 AI 提供商 %1</translation>
    </message>
    <message>
        <source>New AI provider</source>
        <translation>新建 AI 提供商</translation>
    </message>
    <message>
        <source>anthropic</source>
        <translation>anthropic</translation>
    </message>
    <message>
        <source>One per line or comma separated; Refresh models lists them from the provider</source>
        <translation>每行一个或以逗号分隔；“刷新模型”会从提供商获取列表</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Models:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>%1 (use Replace key on the page to change it)</source>
        <translation>%1（请在页面上用“替换密钥”更改）</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>required, for example http://127.0.0.1:8000/v1</source>
        <translation>必填，例如 http://127.0.0.1:8000/v1</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <source>is required for an openai-compatible provider</source>
        <translation>对 openai-compatible 类型的提供商为必填项</translation>
    </message>
    <message>
        <source>is required for a %1 provider at %2 (not for one on this machine)</source>
        <translation>对位于 %2 的 %1 提供商为必填项（本机上的提供商则不需要）</translation>
    </message>
    <message>
        <source>no secret store is available for provider keys</source>
        <translation>没有可用于保存提供商密钥的机密存储</translation>
    </message>
    <message>
        <source>The provider %1 no longer exists: it was removed while you were editing it.</source>
        <translation>提供商 %1 已不存在：在您编辑期间它已被删除。</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ProviderTableModel</name>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>No models listed or entered yet</source>
        <translation>尚未获取或输入任何模型</translation>
    </message>
    <message>
        <source>A key is stored; it is never shown. Use Replace key to change it.</source>
        <translation>已存储密钥；它永远不会显示。请用“替换密钥”更改它。</translation>
    </message>
    <message>
        <source>This provider type takes no API key</source>
        <translation>此提供商类型不使用 API 密钥</translation>
    </message>
    <message>
        <source>No key is stored</source>
        <translation>未存储密钥</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Models refreshed</source>
        <translation>模型刷新时间</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ProvidersPage</name>
    <message>
        <source>no secret store is available for provider keys</source>
        <translation>没有可用于保存提供商密钥的机密存储</translation>
    </message>
    <message>
        <source>Provider keys cannot be stored: %1. Providers that need no key (Ollama, or a server on this machine) can still be added.</source>
        <translation>无法存储提供商密钥：%1。仍可添加不需要密钥的提供商（Ollama 或本机上的服务器）。</translation>
    </message>
    <message>
        <source>Note: %1.</source>
        <translation>注意：%1。</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Lists the provider&apos;s models with its key and says how long it took</source>
        <translation>使用其密钥列出提供商的模型，并显示所用时间</translation>
    </message>
    <message>
        <source>Refresh &amp;models</source>
        <translation>刷新模型(&amp;M)</translation>
    </message>
    <message>
        <source>Lists the models from the provider and stores them</source>
        <translation>从提供商获取模型列表并保存</translation>
    </message>
    <message>
        <source>Replace &amp;key…</source>
        <translation>替换密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>AI Providers</source>
        <translation>AI 提供商</translation>
    </message>
    <message>
        <source>AI provider</source>
        <translation>AI 提供商</translation>
    </message>
    <message>
        <source>Remove %1 AI providers (%2) and their stored keys?</source>
        <translation>删除 %1 个 AI 提供商（%2）及其存储的密钥？</translation>
    </message>
    <message>
        <source>Remove the AI provider &quot;%1&quot; and its stored key?</source>
        <translation>删除 AI 提供商“%1”及其存储的密钥？</translation>
    </message>
    <message>
        <source>No model alias names it; requests for its models will fail once it is gone.</source>
        <translation>没有模型别名引用它；删除后，对其模型的请求将会失败。</translation>
    </message>
    <message>
        <source>The model aliases %1 name it: they must be removed or changed first, so the removal will be refused.</source>
        <translation>模型别名 %1 引用了它：必须先删除或修改这些别名，因此删除操作将被拒绝。</translation>
    </message>
    <message>
        <source>Remove AI providers</source>
        <translation>删除 AI 提供商</translation>
    </message>
    <message>
        <source>Remove AI provider</source>
        <translation>删除 AI 提供商</translation>
    </message>
    <message>
        <source>AI provider %1 removed</source>
        <translation>AI 提供商 %1 已删除</translation>
    </message>
    <message>
        <source>%1 AI providers removed</source>
        <translation>已删除 %1 个 AI 提供商</translation>
    </message>
    <message>
        <source>Key of %1 replaced</source>
        <translation>%1 的密钥已替换</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Listing the models of %1…</source>
        <translation>正在列出 %1 的模型…</translation>
    </message>
    <message>
        <source>the key of %1 is missing from %2; replace it</source>
        <translation>%2 中缺少 %1 的密钥；请替换它</translation>
    </message>
    <message>
        <source>OK, %1 models, %2 ms</source>
        <translation>成功，%1 个模型，%2 毫秒</translation>
    </message>
    <message>
        <source>%1 models listed from %2</source>
        <translation>已从 %2 列出 %1 个模型</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RateLimitField</name>
    <message>
        <source>e.g. 10/s or 600/m; empty: the API&apos;s default</source>
        <translation>例如 10/s 或 600/m；留空：使用 API 的默认值</translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation>速率限制(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RecentRevocationsModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作者</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ReplaceKeyDialog</name>
    <message>
        <source>Replace the key of %1</source>
        <translation>替换 %1 的密钥</translation>
    </message>
    <message>
        <source>The key stored for %1 is replaced. It cannot be shown, now or later.</source>
        <translation>为 %1 存储的密钥将被替换。无论现在还是以后，它都无法显示。</translation>
    </message>
    <message>
        <source>No key is stored for %1 yet. Once stored it cannot be shown again.</source>
        <translation>尚未为 %1 存储密钥。密钥一经存储便无法再次显示。</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>no secret store is available for provider keys</source>
        <translation>没有可用于保存提供商密钥的机密存储</translation>
    </message>
    <message>
        <source>Store key</source>
        <translation>存储密钥</translation>
    </message>
    <message>
        <source>New API &amp;key:</source>
        <translation>新 API 密钥(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RequestDetailsPane</name>
    <message>
        <source>Select a request to see all its recorded fields.</source>
        <translation>选择一个请求以查看其记录的所有字段。</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>#%1 (since removed)</source>
        <translation>#%1（已删除）</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1 (#%2)</translation>
    </message>
    <message>
        <source>, ends in …%1</source>
        <translation>，结尾为 …%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>%1 (%2 UTC)</source>
        <translation>%1（%2 UTC）</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <source>Log entry</source>
        <translation>日志条目</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>none (the connection closed first)</source>
        <translation>无（连接已先行关闭）</translation>
    </message>
    <message>
        <source>Upstream status</source>
        <translation>上游状态</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>未到达</translation>
    </message>
    <message>
        <source>Refused by the gateway</source>
        <translation>被网关拒绝</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>入站字节</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>出站字节</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>客户端地址</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>AI provider</source>
        <translation>AI 提供商</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>输入 Token</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未报告</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>输出 Token</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RequestLogExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
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
        <translation>已关闭</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Bytes in / out</source>
        <translation>入站 / 出站字节</translation>
    </message>
    <message>
        <source>AI %1/%2</source>
        <translation>AI %1/%2</translation>
    </message>
    <message>
        <source>AI tokens in / out</source>
        <translation>AI Token 输入 / 输出</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RequestRateChart</name>
    <message>
        <source>Requests per minute over the last hour</source>
        <translation>最近 1 小时内每分钟的请求数</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the last hour</source>
        <translation>
            <numerusform>最近 1 小时内有 %n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <source>60 min ago</source>
        <translation>60 分钟前</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>No requests in the last hour</source>
        <translation>最近 1 小时内没有请求</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RotateTokenDialog</name>
    <message>
        <source>Rotate Token</source>
        <translation>轮换令牌</translation>
    </message>
    <message>
        <source>Token %1 &quot;%2&quot; of %3 gets a successor with the same scopes and lifetime length. The old token keeps working during the grace period, so that clients can switch.</source>
        <translation>%3 的令牌 %1“%2”将获得一个作用域和有效期长度相同的后继令牌。旧令牌在宽限期内仍然有效，以便客户端切换。</translation>
    </message>
    <message>
        <source>None: the old token stops at once</source>
        <translation>无：旧令牌立即失效</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>e.g. 30m, 2h, 1d12h</source>
        <translation>例如 30m、2h、1d12h</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>宽限期(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>轮换(&amp;R)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TimelineLegend</name>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Revocation</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Expires within 7 days</source>
        <translation>7 天内过期</translation>
    </message>
    <message>
        <source>Grace ends</source>
        <translation>宽限期结束</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TimelinePage</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Show a shorter span (+)</source>
        <translation>显示更短的时间跨度 (+)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Show a longer span (-)</source>
        <translation>显示更长的时间跨度 (-)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>Bring now back into view (Home)</source>
        <translation>将当前时间移回视图 (Home)</translation>
    </message>
    <message>
        <source>Filter by name, consumer or scope</source>
        <translation>按名称、消费者或作用域筛选</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>Cannot read the tokens: %1</source>
        <translation>无法读取令牌：%1</translation>
    </message>
    <message>
        <source>Cannot revoke token %1: %2</source>
        <translation>无法吊销令牌 %1：%2</translation>
    </message>
    <message>
        <source>Token %1 (%2) revoked</source>
        <translation>令牌 %1（%2）已吊销</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenDetailsPane</name>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Rotate…</source>
        <translation>轮换…</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Consumer:</source>
        <translation>消费者：</translation>
    </message>
    <message>
        <source>Ends in:</source>
        <translation>结尾为：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>作用域：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>过期时间：</translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation>上次使用：</translation>
    </message>
    <message>
        <source>Revoked:</source>
        <translation>吊销时间：</translation>
    </message>
    <message>
        <source>Rotation:</source>
        <translation>轮换：</translation>
    </message>
    <message>
        <source>Rate limit:</source>
        <translation>速率限制：</translation>
    </message>
    <message>
        <source>Revoke this token now: the gateway refuses it from the next request</source>
        <translation>立即吊销此令牌：网关将从下一个请求起拒绝它</translation>
    </message>
    <message>
        <source>Issue a successor and retire this token after a grace period</source>
        <translation>签发后继令牌，并在宽限期后停用此令牌</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1，来自 %2</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>scheduled for %1 (%2)</source>
        <translation>计划于 %1（%2）</translation>
    </message>
    <message>
        <source>replaces token %1</source>
        <translation>取代令牌 %1</translation>
    </message>
    <message>
        <source>rotated away; grace period ends %1</source>
        <translation>已被轮换；宽限期于 %1 结束</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>the API&apos;s default</source>
        <translation>API 的默认值</translation>
    </message>
    <message>
        <source>Select a token to see its details.</source>
        <translation>选择一个令牌以查看其详情。</translation>
    </message>
    <message>
        <source>%1 tokens selected.</source>
        <translation>已选择 %1 个令牌。</translation>
    </message>
    <message>
        <source>%1 tokens a day</source>
        <translation>每天 %1 个 Token</translation>
    </message>
    <message>
        <source>%1 tokens a month</source>
        <translation>每月 %1 个 Token</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个 Token</translation>
    </message>
    <message>
        <source>%1 of %2 tokens: spent, AI requests are refused</source>
        <translation>%2 个 Token 已用 %1：已用尽，AI 请求将被拒绝</translation>
    </message>
    <message>
        <source>%1 of %2 tokens (%3%)</source>
        <translation>%2 个 Token 已用 %1（%3%）</translation>
    </message>
    <message>
        <source>Edit Limits…</source>
        <translation>编辑限制…</translation>
    </message>
    <message>
        <source>AI budget:</source>
        <translation>AI 预算：</translation>
    </message>
    <message>
        <source>AI limits:</source>
        <translation>AI 限制：</translation>
    </message>
    <message>
        <source>AI usage today:</source>
        <translation>今日 AI 用量：</translation>
    </message>
    <message>
        <source>AI usage this month:</source>
        <translation>本月 AI 用量：</translation>
    </message>
    <message>
        <source>Consumer&apos;s budget:</source>
        <translation>消费者预算：</translation>
    </message>
    <message>
        <source>Change this token&apos;s rate limit, AI budgets and AI limits</source>
        <translation>更改此令牌的速率限制、AI 预算和 AI 限制</translation>
    </message>
    <message>
        <source>%1 requests a minute</source>
        <translation>每分钟 %1 个请求</translation>
    </message>
    <message>
        <source>%1 tokens a minute</source>
        <translation>每分钟 %1 个 Token</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>today %1; this month %2</source>
        <translation>今日 %1；本月 %2</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenLimitsDialog</name>
    <message>
        <source>Limits of Token %1</source>
        <translation>令牌 %1 的限制</translation>
    </message>
    <message>
        <source>%1 of %2, ending in …%3. The gateway applies new limits within seconds.</source>
        <translation>%2 的 %1，以 …%3 结尾。网关会在几秒内应用新的限制。</translation>
    </message>
    <message>
        <source>AI limits</source>
        <translation>AI 限制</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenTableModel</name>
    <message>
        <source>Token %1, ends in %2</source>
        <translation>令牌 %1，结尾为 %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>This token never expires</source>
        <translation>此令牌永不过期</translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation>尚未使用</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1，来自 %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>作用域</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenTimeline</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Consumer:</source>
        <translation>消费者：</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>作用域：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>过期时间：</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>Revoked:</source>
        <translation>吊销时间：</translation>
    </message>
    <message>
        <source>Grace ends:</source>
        <translation>宽限期结束：</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1，来自 %2</translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation>上次使用：</translation>
    </message>
    <message>
        <source>&amp;Show in Tokens</source>
        <translation>在“令牌”中显示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>吊销(&amp;R)</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation>轮换(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokensPage</name>
    <message>
        <source>&amp;New Token…</source>
        <translation>新建令牌(&amp;N)…</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>吊销(&amp;V)</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation>轮换(&amp;O)…</translation>
    </message>
    <message>
        <source>Revoke the selected tokens now, without asking: the gateway refuses them from the next request (Ctrl+R)</source>
        <translation>立即吊销所选令牌，不再询问：网关将从下一个请求起拒绝它们 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Issue a successor to the selected token, with a grace period for the old one</source>
        <translation>为所选令牌签发后继令牌，旧令牌保留宽限期</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Every usable token, the expiring ones included</source>
        <translation>所有可用令牌，包括即将过期的</translation>
    </message>
    <message>
        <source>&amp;Consumer:</source>
        <translation>消费者(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>All consumers</source>
        <translation>所有消费者</translation>
    </message>
    <message>
        <source>Token %1: %2</source>
        <translation>令牌 %1：%2</translation>
    </message>
    <message>
        <source>Token %1 revoked</source>
        <translation>令牌 %1 已吊销</translation>
    </message>
    <message>
        <source>%1 tokens revoked</source>
        <translation>已吊销 %1 个令牌</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Not every token could be revoked:
%1</source>
        <translation>并非所有令牌都能被吊销：
%1</translation>
    </message>
    <message>
        <source>Token %1 issued for %2</source>
        <translation>已为 %2 签发令牌 %1</translation>
    </message>
    <message>
        <source>&amp;Limits…</source>
        <translation>限制(&amp;L)…</translation>
    </message>
    <message>
        <source>Change the selected token&apos;s rate limit, AI budgets and AI limits</source>
        <translation>更改所选令牌的速率限制、AI 预算和 AI 限制</translation>
    </message>
    <message>
        <source>Cannot read the AI usage: %1</source>
        <translation>无法读取 AI 用量：%1</translation>
    </message>
    <message>
        <source>Limits of token %1 saved</source>
        <translation>令牌 %1 的限制已保存</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TopConsumersModel</name>
    <message>
        <source>consumer %1</source>
        <translation>消费者 %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
</context>
</TS>
