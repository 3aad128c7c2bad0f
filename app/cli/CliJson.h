#pragma once

#include <QDateTime>
#include <QJsonObject>

namespace gatehouse {
struct Api;
struct AuditEvent;
struct Consumer;
struct ModelAlias;
struct Provider;
struct Token;
enum class TokenState;
} // namespace gatehouse

namespace gatehouse::cli {

// The CLI's JSON shapes. Times are ISO 8601 in UTC ("2026-11-29T03:38:32Z"); unset times are null.
QJsonValue isoTime(const QDateTime& time);
QString displayTime(const QDateTime& time); // for tables: "2026-11-29 03:38Z", "-" when unset

QJsonObject toJson(const Api& api);
QJsonObject toJson(const Consumer& consumer);
QJsonObject toJson(const Token& token, TokenState state);
QJsonObject toJson(const AuditEvent& event);
// Never the key: only whether one is set.
QJsonObject toJson(const Provider& provider);
QJsonObject toJson(const ModelAlias& alias);

} // namespace gatehouse::cli
