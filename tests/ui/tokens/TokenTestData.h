#pragma once

#include "tests/support/TestCatalog.h"

#include <QTest>

namespace gatehouse::test {

// Issues a token through "another admin" (the TestCatalog's own TokenService) and returns its id,
// or 0 after a failed QVERIFY-style message.
inline qint64 issueToken(TestCatalog& t, const QString& consumer, const QString& name, int days,
    const QStringList& scopes = {QStringLiteral("api:billing:read")})
{
    auto issued = t.tokens.create({consumer, name, scopes, t.expiryInDays(days), QString()});
    if (!issued) {
        qWarning("cannot issue token: %s", qPrintable(issued.error().toString()));
        return 0;
    }
    return issued->token.id;
}

} // namespace gatehouse::test
