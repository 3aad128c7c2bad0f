#pragma once

#include "core/catalog/ApiService.h"
#include "core/catalog/AuditLog.h"
#include "core/catalog/Catalog.h"
#include "core/catalog/ConsumerService.h"
#include "core/catalog/TokenService.h"
#include "tests/support/ManualClock.h"

#include <QTemporaryDir>

namespace gatehouse::test {

// A real SQLite catalog in a temporary directory, with a clock the test moves and the services
// an admin would use. Removed with the object.
class TestCatalog
{
public:
    TestCatalog();

    bool isReady() const { return m_ready; }
    QString directory() const { return m_dir.path(); }
    QString filePath() const { return catalog.filePath(); }

    // Counts rows of `table` straight from the file, to prove what was (not) written.
    qint64 rowCount(const QString& table) const;
    qint64 revision() const;

    // An expiry `days` from the test clock's now (negative: in the past).
    tokens::Expiry expiryInDays(int days) const;

    // An API and a consumer to hang tokens on.
    void addBillingApiAndConsumer();

    ManualClock clock;
    Catalog catalog;
    ApiService apis;
    ConsumerService consumers;
    TokenService tokens;
    AuditLog audit;

private:
    QTemporaryDir m_dir;
    bool m_ready = false;
};

} // namespace gatehouse::test
