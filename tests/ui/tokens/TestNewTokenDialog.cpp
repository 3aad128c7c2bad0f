#include "ui/tokens/NewTokenDialog.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "tests/ui/tokens/DialogCleanup.h"
#include "ui/tokens/IssuedTokenDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTest>

using namespace gatehouse;
using ui::IssuedTokenDialog;
using ui::NewTokenDialog;

namespace {

template <typename T>
T* child(QWidget* parent, const QString& name)
{
    auto* found = parent->findChild<T*>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

void choose(QComboBox* combo, const QString& text)
{
    const int index = combo->findText(text, Qt::MatchStartsWith);
    QVERIFY2(index >= 0, qPrintable(text));
    combo->setFocus();
    combo->setCurrentIndex(index);
}

// Clicks the box's indicator, as a user does: a box stretched by its layout only reacts on its
// indicator and text, not at its centre.
void tick(QCheckBox* box)
{
    QVERIFY(box);
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
}

bool reasonShown(QWidget* dialog, const QString& name)
{
    auto* label = dialog->findChild<QLabel*>(name);
    return label && label->isVisible() && !label->text().isEmpty();
}

} // namespace

class TestNewTokenDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { test::deleteParentlessDialogs(); }

    void nothingChosenKeepsCreateDisabledWithTheReasons()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QPointer<NewTokenDialog> dialog = new NewTokenDialog(f.services);
        dialog->open();
        QTRY_COMPARE(test::openDialog<NewTokenDialog>(), dialog.data());

        auto* ok = child<QPushButton>(dialog, QStringLiteral("ok"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(reasonShown(dialog, QStringLiteral("consumerReason")));
        QVERIFY(reasonShown(dialog, QStringLiteral("scopesReason")));
        QVERIFY(!reasonShown(dialog, QStringLiteral("nameReason"))); // optional
        QVERIFY(!child<QLabel>(dialog, QStringLiteral("noConsumersHint"))->isVisible());

        // Return does nothing while Create is disabled.
        QTest::keyClick(dialog, Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QCOMPARE(f.t.rowCount(QStringLiteral("tokens")), 0);

        choose(child<QComboBox>(dialog, QStringLiteral("consumer")), QStringLiteral("mobile-app"));
        QVERIFY(!reasonShown(dialog, QStringLiteral("consumerReason")));
        QVERIFY(!ok->isEnabled()); // still no scope
        tick(child<QCheckBox>(dialog, QStringLiteral("scope:billing")));
        QVERIFY(!reasonShown(dialog, QStringLiteral("scopesReason")));
        QVERIFY(ok->isEnabled());

        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(dialog.isNull());
        QCOMPARE(f.t.rowCount(QStringLiteral("tokens")), 0);
    }

    void createsAReadOnlyTokenForSevenDaysAndShowsItOnce()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QVERIFY(f.t.apis.add({QStringLiteral("search"), QStringLiteral("https://search.example.com")}).ok());
        QPointer<NewTokenDialog> dialog = new NewTokenDialog(f.services);
        dialog->open();

        choose(child<QComboBox>(dialog, QStringLiteral("consumer")), QStringLiteral("mobile-app"));
        QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("name")), QStringLiteral("phone"));
        tick(child<QCheckBox>(dialog, QStringLiteral("scope:billing")));
        choose(child<QComboBox>(dialog, QStringLiteral("access:billing")), QStringLiteral("read-only"));
        choose(child<QComboBox>(dialog, QStringLiteral("lifetime")), QStringLiteral("7 days"));
        QCOMPARE(dialog->scopes(), QStringList {QStringLiteral("api:billing:read")});
        QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("ok")), Qt::LeftButton);

        IssuedTokenDialog* shown = nullptr;
        QTRY_VERIFY((shown = test::openDialog<IssuedTokenDialog>()));
        QTRY_VERIFY(dialog.isNull());
        auto token = f.t.tokens.findBySecret(shown->tokenText().toLatin1());
        QVERIFY2(token.ok(), qPrintable(token.ok() ? QString() : token.error().toString()));
        QCOMPARE(token->consumerName, QStringLiteral("mobile-app"));
        QCOMPARE(token->name, QStringLiteral("phone"));
        QCOMPARE(token->scopes, QStringList {QStringLiteral("api:billing:read")});
        QCOMPARE(token->expires, f.t.clock.now().addDays(7));
        QCOMPARE(token->rateLimit, QString());
        QCOMPARE(shown->token().id, token->id);
        QCOMPARE(f.t.rowCount(QStringLiteral("tokens")), 1);
        shown->close();
    }

    void readWriteAndARateLimit()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QVERIFY(f.t.apis.add({QStringLiteral("search"), QStringLiteral("https://search.example.com")}).ok());
        auto* dialog = new NewTokenDialog(f.services, QStringLiteral("mobile-app"));
        dialog->open();
        QCOMPARE(child<QComboBox>(dialog, QStringLiteral("consumer"))->currentText(), QStringLiteral("mobile-app"));
        auto* access = child<QComboBox>(dialog, QStringLiteral("access:search"));
        QVERIFY(!access->isEnabled()); // until the API is ticked
        tick(child<QCheckBox>(dialog, QStringLiteral("scope:search")));
        QVERIFY(access->isEnabled());
        choose(access, QStringLiteral("read-write"));
        tick(child<QCheckBox>(dialog, QStringLiteral("scope:billing")));
        QCOMPARE(
            dialog->scopes(), (QStringList {QStringLiteral("api:billing:read"), QStringLiteral("api:search:write")}));

        auto* ok = child<QPushButton>(dialog, QStringLiteral("ok"));
        auto* rate = child<QLineEdit>(dialog, QStringLiteral("rateLimit"));
        QTest::keyClicks(rate, QStringLiteral("fast"));
        QVERIFY(reasonShown(dialog, QStringLiteral("rateLimitReason")));
        QVERIFY(!ok->isEnabled());
        rate->clear();
        QTest::keyClicks(rate, QStringLiteral("10/s"));
        QVERIFY(!reasonShown(dialog, QStringLiteral("rateLimitReason")));
        QVERIFY(ok->isEnabled());

        auto* name = child<QLineEdit>(dialog, QStringLiteral("name"));
        QTest::keyClicks(name, QString(TokenService::kMaxNameLength + 1, u'x'));
        QVERIFY(reasonShown(dialog, QStringLiteral("nameReason")));
        QVERIFY(!ok->isEnabled());
        QTest::keyClick(name, Qt::Key_Backspace);
        QVERIFY(ok->isEnabled());

        QTest::keyClick(name, Qt::Key_Return); // Return accepts a valid dialog
        IssuedTokenDialog* shown = nullptr;
        QTRY_VERIFY((shown = test::openDialog<IssuedTokenDialog>()));
        auto token = f.t.tokens.findBySecret(shown->tokenText().toLatin1());
        QVERIFY(token.ok());
        QCOMPARE(token->scopes, (QStringList {QStringLiteral("api:billing:read"), QStringLiteral("api:search:write")}));
        QCOMPARE(token->rateLimit, QStringLiteral("10/s"));
        QCOMPARE(token->expires, f.t.clock.now().addDays(30)); // the default lifetime
        shown->close();
    }

    void aiLimitsAreValidatedAsTypedAndReachTheService()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        auto* dialog = new NewTokenDialog(f.services, QStringLiteral("mobile-app"));
        dialog->open();
        tick(child<QCheckBox>(dialog, QStringLiteral("scope:billing")));
        auto* ok = child<QPushButton>(dialog, QStringLiteral("ok"));
        QVERIFY(ok->isEnabled()); // every AI limit is optional
        QVERIFY(!reasonShown(dialog, QStringLiteral("budgetDailyReason")));

        const struct
        {
            const char* field;
            const char* wrong;
            const char* right;
        } fields[] = {{"budgetDaily", "250kb", "250k"}, {"budgetMonthly", "1e6", "2M"},
            {"aiRequestsPerMinute", "1.5", "60"}, {"aiTokensPerMinute", "2G", "40k"}};
        for (const auto& [name, wrong, right] : fields) {
            auto* edit = child<QLineEdit>(dialog, QString::fromLatin1(name));
            const QString reason = QString::fromLatin1(name) + QStringLiteral("Reason");
            QTest::keyClicks(edit, QLatin1StringView(wrong));
            QVERIFY2(reasonShown(dialog, reason), name);
            QVERIFY2(!ok->isEnabled(), name);
            edit->clear();
            QTest::keyClicks(edit, QLatin1StringView(right));
            QVERIFY2(!reasonShown(dialog, reason), name);
            QVERIFY2(ok->isEnabled(), name);
        }

        QTest::mouseClick(ok, Qt::LeftButton);
        IssuedTokenDialog* shown = nullptr;
        QTRY_VERIFY((shown = test::openDialog<IssuedTokenDialog>()));
        auto token = f.t.tokens.findBySecret(shown->tokenText().toLatin1());
        QVERIFY(token.ok());
        QVERIFY(token->aiLimits == (AiLimits {{250'000, 2'000'000}, 60, 40'000}));
        shown->close();
    }

    void neverNeedsItsCheckboxAndWarns()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        auto* dialog = new NewTokenDialog(f.services, QStringLiteral("mobile-app"));
        dialog->open();
        tick(child<QCheckBox>(dialog, QStringLiteral("scope:billing")));
        auto* lifetime = child<QComboBox>(dialog, QStringLiteral("lifetime"));
        QCOMPARE(lifetime->findText(QStringLiteral("never"), Qt::MatchContains), -1); // not a preset
        auto* warning = child<QLabel>(dialog, QStringLiteral("neverWarning"));
        QVERIFY(!warning->isVisible());

        tick(child<QCheckBox>(dialog, QStringLiteral("neverExpires")));
        QVERIFY(warning->isVisible());
        QVERIFY(!lifetime->isEnabled());
        QVERIFY(child<QPushButton>(dialog, QStringLiteral("ok"))->isEnabled());
        QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("ok")), Qt::LeftButton);

        IssuedTokenDialog* shown = nullptr;
        QTRY_VERIFY((shown = test::openDialog<IssuedTokenDialog>()));
        auto token = f.t.tokens.findBySecret(shown->tokenText().toLatin1());
        QVERIFY(token.ok());
        QVERIFY(token->neverExpires());
        shown->close();
    }

    void aCustomDateInThePastKeepsCreateDisabled()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        auto* dialog = new NewTokenDialog(f.services, QStringLiteral("mobile-app"));
        dialog->open();
        tick(child<QCheckBox>(dialog, QStringLiteral("scope:billing")));
        auto* ok = child<QPushButton>(dialog, QStringLiteral("ok"));
        auto* date = child<QDateTimeEdit>(dialog, QStringLiteral("customExpiry"));
        QVERIFY(!date->isEnabled());
        choose(child<QComboBox>(dialog, QStringLiteral("lifetime")), QStringLiteral("Until a date"));
        QVERIFY(date->isEnabled());

        date->setDateTime(f.t.clock.now().addDays(-1).toLocalTime());
        QVERIFY(reasonShown(dialog, QStringLiteral("expiryReason")));
        QVERIFY(!ok->isEnabled());
        QTest::keyClick(dialog, Qt::Key_Return);
        QCOMPARE(f.t.rowCount(QStringLiteral("tokens")), 0);

        const QDateTime future = f.t.clock.now().addDays(3);
        date->setDateTime(future.toLocalTime());
        QVERIFY(!reasonShown(dialog, QStringLiteral("expiryReason")));
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        IssuedTokenDialog* shown = nullptr;
        QTRY_VERIFY((shown = test::openDialog<IssuedTokenDialog>()));
        QCOMPARE(f.t.tokens.findBySecret(shown->tokenText().toLatin1())->expires, future);
        shown->close();
    }

    void aRefusalKeepsTheDialogOpenWithTheReason()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QPointer<NewTokenDialog> dialog = new NewTokenDialog(f.services, QStringLiteral("mobile-app"));
        dialog->open();
        tick(child<QCheckBox>(dialog, QStringLiteral("scope:billing")));
        // Another admin removes the API while the dialog is open.
        QVERIFY(f.t.apis.remove(QStringLiteral("billing")).ok());
        QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("ok")), Qt::LeftButton);

        QVERIFY(!dialog.isNull());
        QVERIFY(dialog->isVisible());
        QVERIFY(reasonShown(dialog, QStringLiteral("serviceError")));
        QVERIFY(child<QLabel>(dialog, QStringLiteral("serviceError"))->text().contains(QStringLiteral("billing")));
        QVERIFY(!test::openDialog<IssuedTokenDialog>());
        QCOMPARE(f.t.rowCount(QStringLiteral("tokens")), 0);
        dialog->close();
    }

    void withoutConsumersItSaysWhereToAddOne()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        auto* dialog = new NewTokenDialog(f.services);
        dialog->open();
        QVERIFY(child<QLabel>(dialog, QStringLiteral("noConsumersHint"))->isVisible());
        QVERIFY(child<QLabel>(dialog, QStringLiteral("noApisHint"))->isVisible());
        QVERIFY(!child<QComboBox>(dialog, QStringLiteral("consumer"))->isEnabled());
        QVERIFY(!child<QPushButton>(dialog, QStringLiteral("ok"))->isEnabled());
        dialog->close();
    }
};

QTEST_MAIN(TestNewTokenDialog)
#include "TestNewTokenDialog.moc"
