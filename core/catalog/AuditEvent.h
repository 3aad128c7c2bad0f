#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace gatehouse {

// One entry of the audit trail: who did what to which object. Never holds a secret.
struct AuditEvent
{
    qint64 id = 0;
    QDateTime time;
    QString actor; // "cli:alice", "console:alice"
    QString action; // "token.revoke", "api.add", ...
    QString subject; // "token:12", "api:billing", "consumer:mobile-app"
    QJsonObject details;

    bool operator==(const AuditEvent&) const = default;
};

} // namespace gatehouse
