#include "core/catalog/AiLimits.h"

#include <cmath>

namespace gatehouse::aiLimits {

namespace {

bool meansNone(QStringView text)
{
    return text.isEmpty() || text == u"none" || text == u"0";
}

Result<void> checkRange(qint64 value, qint64 max, QStringView field)
{
    if (value < 0 || value > max)
        return Error::invalid(field.toString(), QStringLiteral("must be between 0 (no limit) and %1").arg(max));
    return {};
}

} // namespace

Result<qint64> parseTokens(QStringView text, QStringView field)
{
    const QStringView trimmed = text.trimmed();
    if (meansNone(trimmed))
        return qint64(0);
    double scale = 1;
    QStringView number = trimmed;
    const QChar suffix = trimmed.back().toLower();
    if (suffix == u'k' || suffix == u'm' || suffix == u'g') {
        scale = suffix == u'k' ? 1e3 : suffix == u'm' ? 1e6 : 1e9;
        number.chop(1);
    }
    // Digits and at most one point: no signs, exponents or other spellings that toDouble() would take.
    bool ok = !number.isEmpty() && number.count(u'.') <= 1;
    for (QChar c : number)
        ok = ok && (c.isDigit() || c == u'.');
    const double value = ok ? number.toDouble(&ok) * scale : 0;
    const bool whole
        = ok && std::isfinite(value) && value >= 1 && value <= double(kMaxTokens) && value == std::floor(value);
    if (!whole) {
        return Error::invalid(field.toString(),
            QStringLiteral("\"%1\" is not a number of tokens (use 250000, 250k or 2M; none for no limit)")
                .arg(trimmed));
    }
    return qint64(value);
}

Result<qint64> parseRequests(QStringView text, QStringView field)
{
    const QStringView trimmed = text.trimmed();
    if (meansNone(trimmed))
        return qint64(0);
    bool ok = false;
    const qint64 value = trimmed.toLongLong(&ok);
    if (!ok || value < 1 || value > kMaxRequestsPerMinute) {
        return Error::invalid(field.toString(),
            QStringLiteral("\"%1\" is not a number of requests a minute (1 to %2; none for no limit)")
                .arg(trimmed)
                .arg(kMaxRequestsPerMinute));
    }
    return value;
}

QString formatTokens(qint64 tokens)
{
    if (tokens <= 0)
        return QStringLiteral("none");
    if (tokens % 1'000'000 == 0)
        return QString::number(tokens / 1'000'000) + u'M';
    if (tokens % 1000 == 0)
        return QString::number(tokens / 1000) + u'k';
    return QString::number(tokens);
}

Result<void> validate(const UsageBudget& budget)
{
    if (auto daily = checkRange(budget.dailyTokens, kMaxTokens, u"budget-daily"); !daily)
        return daily;
    return checkRange(budget.monthlyTokens, kMaxTokens, u"budget-monthly");
}

Result<void> validate(const AiLimits& limits)
{
    if (auto budget = validate(limits.budget); !budget)
        return budget;
    if (auto requests = checkRange(limits.requestsPerMinute, kMaxRequestsPerMinute, u"ai-rpm"); !requests)
        return requests;
    return checkRange(limits.tokensPerMinute, kMaxTokensPerMinute, u"ai-tpm");
}

} // namespace gatehouse::aiLimits
