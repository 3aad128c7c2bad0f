#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// The catalog as the gateway's snapshot reads it: plain rows, as stored, that the gateway turns into its routes,
// grants and AI catalog (core/gateway/SnapshotBuilder). A limit or time that is not set reads as 0.
namespace gatehouse::snapshotRows {

struct ApiRow
{
    qint64 id = 0;
    QString name;
    QString upstreamUrl;
    QString prefix;
    bool stripPrefix = false;
    qint64 timeoutMs = 0;
    qint64 maxBodyBytes = 0;
    QString rateLimit;
};

// A token with its consumer's name and budgets.
struct TokenRow
{
    qint64 id = 0;
    qint64 consumerId = 0;
    QByteArray secretHash;
    QString consumerName;
    QString name;
    QString hint;
    QString scopes; // as stored (ScopeSet::fromStorage)
    qint64 expiresAtMs = 0;
    qint64 revokedAtMs = 0;
    QString rateLimit;
    qint64 budgetDailyTokens = 0;
    qint64 budgetMonthlyTokens = 0;
    qint64 aiRequestsPerMinute = 0;
    qint64 aiTokensPerMinute = 0;
    qint64 consumerBudgetDailyTokens = 0;
    qint64 consumerBudgetMonthlyTokens = 0;
};

struct ProviderRow
{
    qint64 id = 0;
    QString name;
    QString type;
    QString baseUrl;
    QStringList models;
    bool hasKey = false;
    qint64 updatedAtMs = 0; // the row's version: a key read for an older one is read again
};

struct AliasRow
{
    QString name;
    QStringList targets; // "PROVIDER/MODEL", as stored
};

} // namespace gatehouse::snapshotRows
