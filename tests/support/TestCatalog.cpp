#include "tests/support/TestCatalog.h"

#include "core/catalog/sql/SqlQuery.h"

#include <QTest>

namespace gatehouse::test {

TestCatalog::TestCatalog()
    : catalog(clock)
    , apis(catalog, QStringLiteral("test:admin"))
    , consumers(catalog, QStringLiteral("test:admin"))
    , tokens(catalog, QStringLiteral("test:admin"))
    , audit(catalog)
{
    if (!m_dir.isValid())
        return;
    auto opened = catalog.openInDirectory(m_dir.path());
    if (!opened)
        qWarning("cannot open test catalog: %s", qPrintable(opened.error().toString()));
    m_ready = bool(opened);
}

qint64 TestCatalog::rowCount(const QString& table) const
{
    auto query = sql::exec(catalog.database(), QStringLiteral("SELECT count(*) FROM ") + table);
    return query && query->next() ? query->value(0).toLongLong() : -1;
}

qint64 TestCatalog::revision() const
{
    auto value = catalog.revision();
    return value ? *value : -1;
}

tokens::Expiry TestCatalog::expiryInDays(int days) const
{
    tokens::Expiry expiry;
    expiry.at = clock.now().addDays(days);
    return expiry;
}

void TestCatalog::addBillingApiAndConsumer()
{
    auto api = apis.add(
        {QStringLiteral("billing"), QStringLiteral("https://billing.example.com/v2"), QString(), true, 30'000});
    QVERIFY2(api.ok(), qPrintable(api.ok() ? QString() : api.error().toString()));
    auto consumer = consumers.add(QStringLiteral("mobile-app"), QStringLiteral("The phone apps"));
    QVERIFY2(consumer.ok(), qPrintable(consumer.ok() ? QString() : consumer.error().toString()));
}

} // namespace gatehouse::test
