#include "core/catalog/CatalogChangeFeed.h"

#include "core/catalog/Catalog.h"

#include <QTimer>

namespace gatehouse {

CatalogChangeFeed::CatalogChangeFeed(Catalog& catalog, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_timer(new QTimer(this))
{
    if (auto current = m_catalog.revision())
        m_revision = *current;
    connect(&m_catalog, &Catalog::changed, this, &CatalogChangeFeed::onLocalCommit);
    connect(m_timer, &QTimer::timeout, this, &CatalogChangeFeed::poll);
    m_timer->start(intervalMs);
}

void CatalogChangeFeed::poll()
{
    auto current = m_catalog.revision();
    if (!current || *current == m_revision)
        return;
    m_revision = *current;
    Q_EMIT changed(m_revision, true);
}

void CatalogChangeFeed::onLocalCommit(qint64 revision)
{
    // Each commit bumps the revision by one: a larger step means another process committed in
    // between, and whoever listens must reread rather than trust its own signals alone.
    const bool external = revision != m_revision + 1;
    m_revision = revision;
    Q_EMIT changed(revision, external);
}

} // namespace gatehouse
