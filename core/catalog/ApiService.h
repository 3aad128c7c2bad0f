#pragma once

#include "core/catalog/Api.h"
#include "core/common/Result.h"

#include <QList>
#include <QObject>

namespace gatehouse {

class Catalog;

// Adds, edits and removes the APIs the gateway exposes. Validates every field, writes in one
// transaction with its audit event, and signals after commit.
class ApiService : public QObject
{
    Q_OBJECT

public:
    ApiService(Catalog& catalog, QString actor, QObject* parent = nullptr);

    static constexpr qint64 kMinTimeoutMs = 1'000;
    static constexpr qint64 kMaxTimeoutMs = 3'600'000;
    static constexpr qint64 kMaxBodyLimit = 4LL * 1024 * 1024 * 1024;

    Result<Api> add(const ApiSpec& spec);
    // Replaces every field of the API called `name` (which `spec.name` may rename).
    Result<Api> update(const QString& name, const ApiSpec& spec);
    Result<void> remove(const QString& name);

    Result<QList<Api>> list() const;
    Result<Api> find(const QString& name) const;

Q_SIGNALS:
    void apiAdded(const gatehouse::Api& api);
    void apiUpdated(const QString& previousName, const gatehouse::Api& api);
    void apiRemoved(const QString& name);

private:
    struct Validated
    {
        QString name;
        QUrl upstream;
        QString prefix;
        QString rateLimit; // canonical
    };
    Result<Validated> validate(const ApiSpec& spec) const;
    Result<void> checkUnique(const Validated& spec, qint64 exceptId) const;

    Catalog& m_catalog;
    QString m_actor;
};

} // namespace gatehouse
