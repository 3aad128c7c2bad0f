#pragma once

#include <QObject>

class QTimer;

namespace gatehouse {

class Catalog;

// The one follower of a catalog's revision: tells its listeners whenever the revision moves, whoever moved it. A
// commit through this process's Catalog object is reported at once, a commit by another process (the CLI beside the
// console, another gateway) within one poll interval. Polling reads one integer from the file (WAL: no lock). The
// catalog owns one (Catalog::changes()); the gateway engine and the console's pages all listen to it.
class CatalogChangeFeed : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 100;

    explicit CatalogChangeFeed(Catalog& catalog, int intervalMs = kDefaultIntervalMs, QObject* parent = nullptr);

    qint64 revision() const { return m_revision; }
    // Reads the revision now instead of waiting for the next poll.
    void poll();

Q_SIGNALS:
    // Any change. `external` is true when a commit of another process came in since the last signal.
    void changed(qint64 revision, bool external);

private:
    void onLocalCommit(qint64 revision);

    Catalog& m_catalog;
    QTimer* m_timer = nullptr;
    qint64 m_revision = 0;
};

} // namespace gatehouse
