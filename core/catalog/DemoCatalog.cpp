#include "core/catalog/DemoCatalog.h"

#include "core/catalog/AliasService.h"
#include "core/catalog/ApiService.h"
#include "core/catalog/ConsumerService.h"
#include "core/catalog/ProviderService.h"
#include "core/catalog/TokenService.h"
#include "core/common/Clock.h"

namespace gatehouse {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

} // namespace

Result<bool> DemoCatalog::isEmpty() const
{
    auto apis = m_apis.list();
    if (!apis)
        return apis.error();
    auto consumers = m_consumers.list();
    if (!consumers)
        return consumers.error();
    return apis->isEmpty() && consumers->isEmpty();
}

Result<int> DemoCatalog::fill()
{
    auto empty = isEmpty();
    if (!empty)
        return empty.error();
    if (!*empty)
        return Error::conflict(QStringLiteral("catalog"),
            QStringLiteral("the catalog is not empty; demo data goes only into an empty one"));

    const QList<ApiSpec> apis = {
        {QStringLiteral("billing"), QStringLiteral("https://billing.example.com/v2"), QStringLiteral("/billing"), true,
            30'000},
        {QStringLiteral("inventory"), QStringLiteral("http://127.0.0.1:9001"), QStringLiteral("/inventory"), true,
            10'000},
        {QStringLiteral("search"), QStringLiteral("https://search.example.com"), QStringLiteral("/search"), false,
            15'000},
    };
    for (const ApiSpec& spec : apis) {
        if (auto added = m_apis.add(spec); !added)
            return added.error();
    }
    const QList<std::pair<QString, QString>> consumers = {
        {QStringLiteral("mobile-app"), QStringLiteral("iOS and Android apps")},
        {QStringLiteral("data-team"), QStringLiteral("Nightly analytics jobs")},
        {QStringLiteral("ci-pipeline"), QStringLiteral("Deploy jobs in CI")},
        {QStringLiteral("partner-acme"), QStringLiteral("ACME Corp's order integration")},
    };
    for (const auto& [name, description] : consumers) {
        if (auto added = m_consumers.add(name, description); !added)
            return added.error();
    }

    struct DemoToken
    {
        QString consumer;
        QString name;
        QStringList scopes;
        qint64 lifetimeMs;
    };
    const QList<DemoToken> tokens = {
        {QStringLiteral("mobile-app"), QStringLiteral("production"),
            {QStringLiteral("api:billing:read"), QStringLiteral("api:search")}, 90 * kDayMs},
        {QStringLiteral("mobile-app"), QStringLiteral("staging"), {QStringLiteral("api:search:read")}, 3 * kDayMs},
        {QStringLiteral("data-team"), QStringLiteral("warehouse-sync"),
            {QStringLiteral("api:inventory:read"), QStringLiteral("api:billing:read")}, 30 * kDayMs},
        {QStringLiteral("ci-pipeline"), QStringLiteral("deploy"), {QStringLiteral("api:inventory")}, kHourMs},
        {QStringLiteral("partner-acme"), QStringLiteral("acme-orders"), {QStringLiteral("api:billing")}, 7 * kDayMs},
        {QStringLiteral("partner-acme"), QStringLiteral("legacy"), {QStringLiteral("api:search:read")}, 90 * kDayMs},
    };
    QList<qint64> ids;
    for (const DemoToken& demo : tokens) {
        tokens::Expiry expiry;
        expiry.at = m_clock.now().addMSecs(demo.lifetimeMs);
        auto issued = m_tokens.create({demo.consumer, demo.name, demo.scopes, expiry});
        if (!issued)
            return issued.error();
        ids.append(issued->token.id);
    }
    // One rotation still in its grace period, and one token revoked after a leak.
    auto rotated = m_tokens.rotate(ids.at(4), kDayMs);
    if (!rotated)
        return rotated.error();
    if (auto revoked = m_tokens.revoke(ids.at(5), QStringLiteral("leaked in a public repository")); !revoked)
        return revoked.error();
    int created = int(tokens.size()) + 1;
    if (m_providers && m_aliases) {
        // Ollama's own default address: with Ollama running, the demo's AI token works as it is.
        auto ollama = m_providers->add({QStringLiteral("ollama"), QStringLiteral("ollama"), QString(),
            {QStringLiteral("llama3.2"), QStringLiteral("qwen2.5-coder:7b")}});
        if (!ollama)
            return ollama.error();
        if (auto fast
            = m_aliases->add(QStringLiteral("fast"), {{QStringLiteral("ollama"), QStringLiteral("llama3.2")}});
            !fast)
            return fast.error();
        tokens::Expiry expiry;
        expiry.at = m_clock.now().addMSecs(30 * kDayMs);
        auto notebooks = m_tokens.create(
            {QStringLiteral("data-team"), QStringLiteral("notebooks"), {QStringLiteral("ai:ollama/*")}, expiry});
        if (!notebooks)
            return notebooks.error();
        ++created;
    }
    return created;
}

} // namespace gatehouse
