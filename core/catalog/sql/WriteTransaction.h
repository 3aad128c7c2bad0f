#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace gatehouse {

class Catalog;

// One write to the catalog: BEGIN IMMEDIATE (so that concurrent writers queue on SQLite's busy
// timeout instead of failing on a lock upgrade), the service's statements, its audit events,
// and on commit the revision bump, all in one transaction. Rolled back unless committed.
class WriteTransaction
{
public:
    static Result<WriteTransaction> begin(Catalog& catalog, QString actor);

    WriteTransaction(WriteTransaction&& other) noexcept;
    WriteTransaction& operator=(WriteTransaction&&) = delete;
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    ~WriteTransaction();

    QSqlDatabase database() const;
    qint64 nowMs() const { return m_nowMs; }

    // Appends an audit event stamped with this transaction's time and actor.
    Result<void> audit(const QString& action, const QString& subject, const QJsonObject& details = {});

    // Bumps the revision, commits, and then tells the catalog's observers. Returns the new revision.
    Result<qint64> commit();

    // The last audit event of a write, then the commit: what every service's write ends with.
    Result<qint64> commitAudited(const QString& action, const QString& subject, const QJsonObject& details = {});

private:
    WriteTransaction(Catalog* catalog, QString actor, qint64 nowMs);

    Catalog* m_catalog = nullptr;
    QString m_actor;
    qint64 m_nowMs = 0;
};

} // namespace gatehouse
