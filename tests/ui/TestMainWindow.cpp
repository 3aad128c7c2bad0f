#include "ui/MainWindow.h"

#include "tests/support/TestCatalog.h"

#include <QTest>

using namespace gatehouse;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheLoadedCatalogAndFollowsChanges()
    {
        test::TestCatalog t;
        QVERIFY(t.isReady());
        MainWindow window(t.catalog);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.summaryText().contains(t.filePath()));
        QVERIFY(window.summaryText().contains(QStringLiteral("0 APIs")));
        t.addBillingApiAndConsumer();
        QVERIFY(window.summaryText().contains(QStringLiteral("1 APIs, 1 consumers")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
