#include "ui/apis/ApiDialog.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "ui/common/FieldErrorLabel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using ui::ApiDialog;
using ui::FieldErrorLabel;

namespace {

QLineEdit* field(QWidget* dialog, const char* name)
{
    return dialog->findChild<QLineEdit*>(QLatin1StringView(name));
}

FieldErrorLabel* errorOf(QWidget* dialog, const char* name)
{
    return dialog->findChild<FieldErrorLabel*>(QLatin1StringView(name));
}

QPushButton* okButton(QWidget* dialog)
{
    return dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
}

// Replaces the field's text the way a user does: select all, then type.
void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestApiDialog : public QObject
{
    Q_OBJECT

private:
    // A new-API dialog, open, owned by `host` so nothing leaks if a check fails.
    QPointer<ApiDialog> openNew(test::ConsoleFixture& f, QWidget& host)
    {
        auto* dialog = new ApiDialog(f.services, std::nullopt, &host);
        dialog->open();
        return dialog;
    }

private Q_SLOTS:
    void invalidNameIsExplainedBesideTheFieldAndBlocksOk()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        auto dialog = openNew(f, host);
        QTRY_VERIFY(dialog->isVisible());
        // Nothing typed yet: OK is off, but no field shouts before the user touched it.
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(errorOf(dialog, "nameError")->isHidden());

        QTest::keyClicks(field(dialog, "upstream"), QStringLiteral("https://billing.example.com/v2"));
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("Billing API"));
        QVERIFY(errorOf(dialog, "nameError")->isVisible());
        QVERIFY2(errorOf(dialog, "nameError")->text().contains(QStringLiteral("is not a valid name")),
            qPrintable(errorOf(dialog, "nameError")->text()));
        QVERIFY(errorOf(dialog, "upstreamError")->isHidden());
        QVERIFY(!okButton(dialog)->isEnabled());

        retype(field(dialog, "name"), QString());
        QCOMPARE(errorOf(dialog, "nameError")->text(), QStringLiteral("Name is required"));
        QVERIFY(!okButton(dialog)->isEnabled());

        retype(field(dialog, "name"), QStringLiteral("billing"));
        QVERIFY(errorOf(dialog, "nameError")->isHidden());
        QVERIFY(okButton(dialog)->isEnabled());
        // The default prefix follows the name.
        QCOMPARE(field(dialog, "prefix")->placeholderText(), QStringLiteral("/billing"));
        QCOMPARE(f.t.apis.list()->size(), 0); // nothing is written before OK
    }

    void invalidFieldsAreExplained_data()
    {
        QTest::addColumn<QByteArray>("fieldName");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("fixed");
        QTest::newRow("ftp upstream") << QByteArray("upstream") << QStringLiteral("ftp://x")
                                      << QStringLiteral("must be an http or https URL")
                                      << QStringLiteral("https://x.example");
        QTest::newRow("not a url") << QByteArray("upstream") << QStringLiteral("not a url")
                                   << QStringLiteral("not a url") << QStringLiteral("http://10.0.0.7:8080/api");
        QTest::newRow("credentials") << QByteArray("upstream") << QStringLiteral("https://bob:pw@x.example")
                                     << QStringLiteral("credentials") << QStringLiteral("https://x.example");
        QTest::newRow("query") << QByteArray("upstream") << QStringLiteral("https://x.example/?a=1")
                               << QStringLiteral("query") << QStringLiteral("https://x.example/");
        QTest::newRow("prefix space") << QByteArray("prefix") << QStringLiteral("/my api")
                                      << QStringLiteral("contains ' '") << QStringLiteral("/my-api");
        QTest::newRow("prefix dotdot") << QByteArray("prefix") << QStringLiteral("/a/../b") << QStringLiteral("\"..\"")
                                       << QStringLiteral("/a/b");
        QTest::newRow("timeout short") << QByteArray("timeout") << QStringLiteral("500ms")
                                       << QStringLiteral("Timeout must be between 1s and 1h") << QStringLiteral("2s");
        QTest::newRow("timeout text") << QByteArray("timeout") << QStringLiteral("soon") << QStringLiteral("soon")
                                      << QStringLiteral("1m");
        QTest::newRow("max body") << QByteArray("maxBody") << QStringLiteral("5g")
                                  << QStringLiteral("Max body must be between 0 and 4 GiB") << QStringLiteral("4g");
        QTest::newRow("rate limit") << QByteArray("rateLimit") << QStringLiteral("fast")
                                    << QStringLiteral("is not a rate") << QStringLiteral("100/s");
    }

    void invalidFieldsAreExplained()
    {
        QFETCH(QByteArray, fieldName);
        QFETCH(QString, text);
        QFETCH(QString, reason);
        QFETCH(QString, fixed);
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        auto dialog = openNew(f, host);
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("billing"));
        QTest::keyClicks(field(dialog, "upstream"), QStringLiteral("https://billing.example.com"));
        QVERIFY(okButton(dialog)->isEnabled());

        QLineEdit* edit = field(dialog, fieldName.constData());
        QVERIFY(edit);
        FieldErrorLabel* error = errorOf(dialog, QByteArray(fieldName + "Error").constData());
        QVERIFY(error);
        retype(edit, text);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(reason), qPrintable(error->text()));
        QVERIFY(!okButton(dialog)->isEnabled());
        // Only that field complains.
        const auto labels = dialog->findChildren<FieldErrorLabel*>();
        for (FieldErrorLabel* other : labels)
            QVERIFY2(other == error || other->isHidden(), qPrintable(other->objectName()));

        retype(edit, fixed);
        QVERIFY(error->isHidden());
        QVERIFY(okButton(dialog)->isEnabled());
    }

    void acceptAddsTheApiThroughTheService()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        auto dialog = openNew(f, host);
        QSignalSpy saved(dialog.data(), &ApiDialog::saved);
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("billing"));
        QTest::keyClicks(field(dialog, "upstream"), QStringLiteral("https://billing.example.com/v2/"));
        dialog->findChild<QCheckBox*>(QStringLiteral("stripPrefix"))->setChecked(true);
        retype(field(dialog, "timeout"), QStringLiteral("10s"));
        retype(field(dialog, "maxBody"), QStringLiteral("1m"));
        QTest::keyClicks(field(dialog, "rateLimit"), QStringLiteral("100/s"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);

        QTRY_VERIFY(dialog.isNull()); // closed and deleted itself
        QCOMPARE(saved.size(), 1);
        auto apis = f.t.apis.list();
        QVERIFY(apis);
        QCOMPARE(apis->size(), 1);
        const Api& api = apis->first();
        QCOMPARE(api.name, QStringLiteral("billing"));
        QCOMPARE(api.upstream.toString(), QStringLiteral("https://billing.example.com/v2"));
        QCOMPARE(api.prefix, QStringLiteral("/billing"));
        QVERIFY(api.stripPrefix);
        QCOMPARE(api.timeoutMs, 10'000);
        QCOMPARE(api.maxBodyBytes, 1024 * 1024);
        QCOMPARE(api.rateLimit, QStringLiteral("100/s"));
        QCOMPARE(saved.at(0).at(0).value<Api>(), api);
        // Through the console's own service: the audit trail names the console.
        QCOMPARE(f.t.audit.list()->first().actor, QStringLiteral("console:test"));
    }

    void returnAcceptsAndEscapeCancels()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        auto dialog = openNew(f, host);
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("billing"));
        QTest::keyClick(field(dialog, "name"), Qt::Key_Return); // invalid: nothing happens
        QVERIFY(!dialog.isNull());
        QVERIFY(dialog->isVisible());
        QTest::keyClicks(field(dialog, "upstream"), QStringLiteral("https://billing.example.com"));
        QTest::keyClick(field(dialog, "upstream"), Qt::Key_Return);
        QTRY_VERIFY(dialog.isNull());
        QCOMPARE(f.t.apis.list()->size(), 1);

        auto cancelled = openNew(f, host);
        QTest::keyClicks(field(cancelled, "name"), QStringLiteral("search"));
        QTest::keyClicks(field(cancelled, "upstream"), QStringLiteral("https://search.example.com"));
        QTest::keyClick(field(cancelled, "upstream"), Qt::Key_Escape);
        QTRY_VERIFY(cancelled.isNull());
        QCOMPARE(f.t.apis.list()->size(), 1);
    }

    void serviceRefusalKeepsTheDialogOpenWithTheReasonBesideTheField()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QWidget host;
        auto dialog = openNew(f, host);
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("billing"));
        QTest::keyClicks(field(dialog, "upstream"), QStringLiteral("https://other.example.com"));
        QVERIFY(okButton(dialog)->isEnabled());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);

        QVERIFY(!dialog.isNull());
        QVERIFY(dialog->isVisible());
        QVERIFY2(errorOf(dialog, "nameError")->text().contains(QStringLiteral("already exists")),
            qPrintable(errorOf(dialog, "nameError")->text()));
        QVERIFY(errorOf(dialog, "nameError")->isVisible());
        QVERIFY(!okButton(dialog)->isEnabled()); // until the user changes something
        QCOMPARE(f.t.apis.list()->size(), 1);

        // Another name, but the default prefix /billing is taken too: shown beside the prefix.
        retype(field(dialog, "name"), QStringLiteral("payments"));
        QVERIFY(okButton(dialog)->isEnabled());
        QTest::keyClicks(field(dialog, "prefix"), QStringLiteral("/billing"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(!dialog.isNull());
        QVERIFY2(errorOf(dialog, "prefixError")->text().contains(QStringLiteral("already used")),
            qPrintable(errorOf(dialog, "prefixError")->text()));
        QVERIFY(errorOf(dialog, "nameError")->isHidden());

        retype(field(dialog, "prefix"), QStringLiteral("/payments"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());
        QVERIFY(f.t.apis.find(QStringLiteral("payments")));
    }

    void editPrefillsAndRenames()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        ApiSpec search;
        search.name = QStringLiteral("search");
        search.upstream = QStringLiteral("http://search.internal");
        search.timeoutMs = 90'000;
        search.rateLimit = QStringLiteral("600/m");
        auto existing = f.t.apis.add(search);
        QVERIFY(existing);

        QWidget host;
        QPointer<ApiDialog> dialog = new ApiDialog(f.services, *existing, &host);
        dialog->open();
        QCOMPARE(field(dialog, "name")->text(), QStringLiteral("search"));
        QCOMPARE(field(dialog, "upstream")->text(), QStringLiteral("http://search.internal"));
        QCOMPARE(field(dialog, "prefix")->text(), QStringLiteral("/search"));
        QCOMPARE(field(dialog, "timeout")->text(), QStringLiteral("1m30s"));
        QCOMPARE(field(dialog, "maxBody")->text(), QStringLiteral("10m"));
        QCOMPARE(field(dialog, "rateLimit")->text(), QStringLiteral("600/m"));
        QVERIFY(okButton(dialog)->isEnabled());

        retype(field(dialog, "name"), QStringLiteral("billing"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(errorOf(dialog, "nameError")->isVisible()); // taken

        retype(field(dialog, "name"), QStringLiteral("find"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());
        QVERIFY(!f.t.apis.find(QStringLiteral("search")));
        auto renamed = f.t.apis.find(QStringLiteral("find"));
        QVERIFY(renamed);
        QCOMPARE(renamed->id, existing->id);
        QCOMPARE(renamed->prefix, QStringLiteral("/search")); // the prefix is its own field
        QCOMPARE(renamed->timeoutMs, 90'000);
        QCOMPARE(renamed->rateLimit, QStringLiteral("600/m"));
    }

    void editOfAnApiRemovedMeanwhileSaysSo()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QWidget host;
        QPointer<ApiDialog> dialog = new ApiDialog(f.services, *f.t.apis.find(QStringLiteral("billing")), &host);
        dialog->open();
        QVERIFY(f.t.apis.remove(QStringLiteral("billing")));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(!dialog.isNull());
        QVERIFY(errorOf(dialog, "formError")->isVisible());
        QVERIFY2(errorOf(dialog, "formError")->text().contains(QStringLiteral("removed while you were editing")),
            qPrintable(errorOf(dialog, "formError")->text()));
        QCOMPARE(f.t.apis.list()->size(), 0);
    }
};

QTEST_MAIN(TestApiDialog)
#include "TestApiDialog.moc"
