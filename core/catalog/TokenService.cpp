#include "core/catalog/TokenService.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/RateLimit.h"
#include "core/catalog/Validation.h"
#include "core/catalog/sql/ApiRepository.h"
#include "core/catalog/sql/ConsumerRepository.h"
#include "core/catalog/sql/TokenRepository.h"
#include "core/catalog/sql/WriteTransaction.h"
#include "core/common/Clock.h"
#include "core/tokens/ScopeSet.h"
#include "core/tokens/TokenFormat.h"
#include "core/tokens/TokenHash.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse {

namespace {

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString subject(qint64 id)
{
    return QStringLiteral("token:%1").arg(id);
}

// Inserts a freshly minted token for `base` (consumer, name, scopes, expiry) and returns it with its plaintext.
Result<IssuedToken> insertMinted(WriteTransaction& tx, Token base)
{
    SecretBytes plaintext = tokens::TokenFormat::mint();
    base.secretHash = tokens::sha256(plaintext.view());
    base.hint = tokens::TokenFormat::hint(plaintext.view());
    base.created = fromMs(tx.nowMs());
    auto inserted = tokenRepository::insert(tx.database(), base, tx.nowMs());
    if (!inserted)
        return inserted.error();
    base.id = *inserted;
    return IssuedToken {std::move(base), std::move(plaintext)};
}

// The limits as the audit trail records them: only those that are set.
QJsonObject describeLimits(const Token& token)
{
    QJsonObject limits;
    if (!token.rateLimit.isEmpty())
        limits.insert(QStringLiteral("rate_limit"), token.rateLimit);
    const AiLimits& ai = token.aiLimits;
    const std::pair<const char*, qint64> values[]
        = {{"budget_daily_tokens", ai.budget.dailyTokens}, {"budget_monthly_tokens", ai.budget.monthlyTokens},
            {"ai_requests_per_minute", ai.requestsPerMinute}, {"ai_tokens_per_minute", ai.tokensPerMinute}};
    for (const auto& [name, value] : values) {
        if (value > 0)
            limits.insert(QLatin1StringView(name), value);
    }
    return limits;
}

QJsonObject describe(const Token& token)
{
    QJsonObject details {{QStringLiteral("consumer"), token.consumerName}, {QStringLiteral("name"), token.name},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(token.scopes)},
        {QStringLiteral("expires"),
            token.expires.isValid() ? QJsonValue(token.expires.toString(Qt::ISODate))
                                    : QJsonValue(QStringLiteral("never"))},
        {QStringLiteral("hint"), token.hint}};
    const QJsonObject limits = describeLimits(token);
    for (auto it = limits.begin(); it != limits.end(); ++it)
        details.insert(it.key(), it.value());
    return details;
}

} // namespace

TokenService::TokenService(Catalog& catalog, QString actor, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_actor(std::move(actor))
{ }

TokenState TokenService::state(const Token& token, qint64 expiringWindowMs) const
{
    return tokenState::of(token, m_catalog.clock().now(), expiringWindowMs);
}

Result<void> TokenService::checkScopesExist(const QStringList& apiNames) const
{
    for (const QString& api : apiNames) {
        auto found = apiRepository::exists(m_catalog.database(), api);
        if (!found)
            return found.error();
        if (!*found) {
            return Error::invalid(QStringLiteral("scope"),
                QStringLiteral("no API is called \"%1\" (see `gatehouse-cli api list`)").arg(api));
        }
    }
    return {};
}

Result<IssuedToken> TokenService::create(const TokenRequest& request)
{
    auto scopes = tokens::ScopeSet::parse(request.scopes);
    if (!scopes)
        return scopes.error();
    auto name = validation::label(request.name, u"name", kMaxNameLength);
    if (!name)
        return name.error();
    if (!request.expiry.never && !request.expiry.at.isValid())
        return Error::invalid(QStringLiteral("ttl"), QStringLiteral("is required (for example 1h, 7d or 90d)"));
    auto rateLimit = RateLimit::parse(request.rateLimit);
    if (!rateLimit)
        return rateLimit.error();
    if (auto limits = aiLimits::validate(request.aiLimits); !limits)
        return limits.error();

    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    if (!request.expiry.never && request.expiry.at.toMSecsSinceEpoch() <= tx->nowMs())
        return Error::invalid(QStringLiteral("ttl"), QStringLiteral("the expiry must lie in the future"));
    auto consumer = consumerRepository::idByName(tx->database(), request.consumer);
    if (!consumer)
        return consumer.error();
    if (!*consumer)
        return Error::notFound(
            QStringLiteral("consumer"), QStringLiteral("no consumer is called \"%1\"").arg(request.consumer));
    if (auto exist = checkScopesExist(scopes->apiNames()); !exist)
        return exist.error();

    Token token;
    token.consumerId = **consumer;
    token.consumerName = request.consumer;
    token.name = name->isEmpty() ? request.consumer + u' ' + fromMs(tx->nowMs()).date().toString(Qt::ISODate) : *name;
    token.scopes = scopes->toStringList();
    token.expires = request.expiry.never ? QDateTime() : request.expiry.at.toUTC();
    token.rateLimit = rateLimit->toString();
    token.aiLimits = request.aiLimits;
    auto issued = insertMinted(*tx, token);
    if (!issued)
        return issued.error();
    if (auto committed
        = tx->commitAudited(QStringLiteral("token.create"), subject(issued->token.id), describe(issued->token));
        !committed)
        return committed.error();
    Q_EMIT tokenCreated(issued->token);
    return std::move(issued).value();
}

Result<Token> TokenService::revoke(qint64 id, const QString& reason)
{
    auto validReason = validation::label(reason, u"reason", 500);
    if (!validReason)
        return validReason.error();
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    auto token = find(id);
    if (!token)
        return token.error();
    const QDateTime now = fromMs(tx->nowMs());
    if (token->revoked.isValid() && token->revoked <= now)
        return *token; // already revoked: nothing to do, and nothing to audit

    token->revoked = now;
    token->revokeReason = validReason->isEmpty() ? QStringLiteral("revoked") : *validReason;
    if (auto updated = tokenRepository::revoke(tx->database(), id, tx->nowMs(), token->revokeReason); !updated)
        return updated.error();
    if (auto committed = tx->commitAudited(QStringLiteral("token.revoke"), subject(id),
            {{QStringLiteral("consumer"), token->consumerName}, {QStringLiteral("name"), token->name},
                {QStringLiteral("reason"), token->revokeReason}});
        !committed)
        return committed.error();
    Q_EMIT tokenRevoked(*token);
    return token;
}

Result<IssuedToken> TokenService::rotate(qint64 id, qint64 graceMs)
{
    if (graceMs < 0)
        return Error::invalid(QStringLiteral("grace"), QStringLiteral("must not be negative"));
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    auto previous = find(id);
    if (!previous)
        return previous.error();
    const QDateTime now = fromMs(tx->nowMs());
    if (!tokenState::isUsable(*previous, now)) {
        return Error::conflict(QStringLiteral("token"),
            QStringLiteral("token %1 is %2 and cannot be rotated")
                .arg(id)
                .arg(tokenState::name(tokenState::of(*previous, now))));
    }
    auto successor = tokenRepository::successorOf(tx->database(), id);
    if (!successor)
        return successor.error();
    if (*successor) {
        return Error::conflict(QStringLiteral("token"),
            QStringLiteral("token %1 was already rotated to token %2").arg(id).arg(**successor));
    }

    Token replacement;
    replacement.consumerId = previous->consumerId;
    replacement.consumerName = previous->consumerName;
    replacement.name = previous->name;
    replacement.scopes = previous->scopes;
    replacement.rotatedFrom = id;
    replacement.rateLimit = previous->rateLimit;
    replacement.aiLimits = previous->aiLimits;
    // The replacement lives as long as the original was meant to.
    if (previous->expires.isValid())
        replacement.expires = now.addMSecs(previous->created.msecsTo(previous->expires));
    auto issued = insertMinted(*tx, replacement);
    if (!issued)
        return issued.error();

    const qint64 graceEndMs = tx->nowMs() + graceMs;
    const QString reason = QStringLiteral("rotated to token %1").arg(issued->token.id);
    if (auto updated = tokenRepository::endGrace(tx->database(), id, graceEndMs, reason); !updated)
        return updated.error();
    QJsonObject details = describe(issued->token);
    details.insert(QStringLiteral("replacement"), subject(issued->token.id));
    details.insert(QStringLiteral("grace_ms"), graceMs);
    if (auto committed = tx->commitAudited(QStringLiteral("token.rotate"), subject(id), details); !committed)
        return committed.error();
    previous->graceEnds = previous->revoked = fromMs(graceEndMs);
    previous->revokeReason = reason;
    Q_EMIT tokenRotated(*previous, issued->token);
    return std::move(issued).value();
}

Result<Token> TokenService::setLimits(qint64 id, const TokenLimits& limits)
{
    auto rateLimit = RateLimit::parse(limits.rateLimit);
    if (!rateLimit)
        return rateLimit.error();
    if (auto valid = aiLimits::validate(limits.aiLimits); !valid)
        return valid.error();
    auto tx = WriteTransaction::begin(m_catalog, m_actor);
    if (!tx)
        return tx.error();
    auto token = find(id);
    if (!token)
        return token.error();
    token->rateLimit = rateLimit->toString();
    token->aiLimits = limits.aiLimits;
    if (auto updated = tokenRepository::setLimits(tx->database(), id, token->rateLimit, token->aiLimits); !updated)
        return updated.error();
    QJsonObject details = describeLimits(*token);
    details.insert(QStringLiteral("consumer"), token->consumerName);
    details.insert(QStringLiteral("name"), token->name);
    if (auto committed = tx->commitAudited(QStringLiteral("token.limits"), subject(id), details); !committed)
        return committed.error();
    Q_EMIT tokenLimitsChanged(*token);
    return token;
}

Result<QList<Token>> TokenService::list(const TokenFilter& filter) const
{
    Result<QList<Token>> rows = filter.consumer.isEmpty()
        ? tokenRepository::list(m_catalog.database())
        : tokenRepository::listOfConsumer(m_catalog.database(), filter.consumer);
    if (!rows || !filter.state)
        return rows;
    const QDateTime now = m_catalog.clock().now();
    QList<Token> kept;
    for (const Token& token : *rows) {
        const TokenState state = tokenState::of(token, now, filter.expiringWindowMs);
        const bool matches
            = *filter.state == TokenState::Active ? tokenState::isUsable(token, now) : state == *filter.state;
        if (matches)
            kept.append(token);
    }
    return kept;
}

Result<Token> TokenService::find(qint64 id) const
{
    auto found = tokenRepository::findById(m_catalog.database(), id);
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound(QStringLiteral("token"), QStringLiteral("no token has the id %1").arg(id));
    return **found;
}

Result<Token> TokenService::findByHash(QByteArrayView sha256) const
{
    auto found = tokenRepository::findByHash(m_catalog.database(), sha256);
    if (!found)
        return found.error();
    // The index finds the row; compare in constant time all the same, as with any secret.
    if (!*found || !tokens::constantTimeEquals((*found)->secretHash, sha256))
        return Error::notFound(QStringLiteral("token"), QStringLiteral("no such token"));
    return **found;
}

Result<Token> TokenService::findBySecret(QByteArrayView plaintext) const
{
    const auto defect = tokens::TokenFormat::check(plaintext);
    if (defect != tokens::TokenFormat::Defect::None)
        return Error::invalid(QStringLiteral("token"), tokens::TokenFormat::describe(defect));
    return findByHash(tokens::sha256(plaintext));
}

} // namespace gatehouse
