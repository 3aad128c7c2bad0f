#pragma once

#include <QObject>

class QTimer;

namespace gatehouse {

class Catalog;

// Tells its owner whenever the catalog's revision moves, whoever moved it: a commit through this
// process's Catalog object is reported at once, a commit by another process (the CLI beside the
// console) within one poll interval. Polling reads one integer from the file (WAL: no lock).
class RevisionWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 250;

    explicit RevisionWatcher(Catalog& catalog, int intervalMs = kDefaultIntervalMs, QObject* parent = nullptr);

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
