#include "ui/tokens/TokensPage.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "tests/ui/tokens/TokenTestData.h"
#include "ui/common/FilterableTable.h"
#include "ui/tokens/IssuedTokenDialog.h"
#include "ui/tokens/NewTokenDialog.h"
#include "ui/tokens/RotateTokenDialog.h"
#include "ui/tokens/TokenDetailsPane.h"
#include "ui/tokens/TokenLimitsDialog.h"
#include "ui/tokens/TokenTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace gatehouse;
using ui::PageAction;
using ui::TokensPage;
using ui::TokenTableModel;

namespace {

// Clicks the token's row in the table as a user would (Ctrl adds it to the selection).
void clickToken(TokensPage& page, qint64 id, Qt::KeyboardModifiers modifiers = {})
{
    const int row = page.model()->rowOfId(id);
    QVERIFY2(row >= 0, "the token is not listed");
    QTableView* view = page.table()->view();
    const QModelIndex index = page.table()->proxy()->mapFromSource(page.model()->index(row, TokenTableModel::Name));
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, view->visualRect(index).center());
}

TokenState shownState(const TokensPage& page, qint64 id)
{
    const int row = page.model()->rowOfId(id);
    return row < 0
        ? TokenState(-1)
        : TokenState(page.model()->index(row, TokenTableModel::State).data(TokenTableModel::StateRole).toInt());
}

bool revokedInCatalog(test::TestCatalog& t, qint64 id)
{
    auto token = t.tokens.find(id);
    return token && tokenState::of(*token, t.clock.now()) == TokenState::Revoked;
}

bool anyDialogOpen()
{
    const auto widgets = QApplication::topLevelWidgets();
    return std::any_of(widgets.begin(), widgets.end(),
        [](QWidget* widget) { return qobject_cast<QDialog*>(widget) && widget->isVisible(); });
}

QPushButton* button(TokensPage& page, const QString& name)
{
    return page.findChild<QPushButton*>(name);
}

// A row of the AI usage the gateway's log writer keeps, written straight into the catalog file.
void addUsage(test::TestCatalog& t, const QString& day, qint64 tokenId, qint64 consumerId, qint64 model,
    qint64 tokensIn, qint64 tokensOut)
{
    QSqlQuery query(t.catalog.database());
    QVERIFY(
        query.prepare(QStringLiteral("INSERT INTO ai_usage_daily (day, token_id, consumer_id, provider_id, "
                                     "model_id, requests, tokens_in, tokens_out) VALUES (?, ?, ?, 1, ?, 1, ?, ?)")));
    for (const QVariant& value : {QVariant(day), QVariant(tokenId), QVariant(consumerId), QVariant(model),
             QVariant(tokensIn), QVariant(tokensOut)})
        query.addBindValue(value);
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace

class TestTokensPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void revokeIsOneClickWithoutADialog()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 phone = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("phone"), 30);
        const qint64 tablet = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("tablet"), 30);
        TokensPage page(f.services);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.title(), QStringLiteral("Tokens"));
        QPushButton* revoke = button(page, QStringLiteral("revokeSelected"));
        QVERIFY(revoke);
        QVERIFY(!revoke->isEnabled()); // nothing selected
        QVERIFY(!page.canPerform(PageAction::Revoke));

        QSignalSpy status(&page, &ui::Page::statusMessage);
        clickToken(page, phone);
        QVERIFY(revoke->isEnabled());
        QVERIFY(page.canPerform(PageAction::Revoke));
        QTest::mouseClick(revoke, Qt::LeftButton);

        // At once: no QTRY, no dialog.
        QVERIFY(revokedInCatalog(f.t, phone));
        QVERIFY(!revokedInCatalog(f.t, tablet));
        QCOMPARE(shownState(page, phone), TokenState::Revoked);
        const int row = page.model()->rowOfId(phone);
        QCOMPARE(page.model()->index(row, TokenTableModel::State).data().toString(), QStringLiteral("Revoked"));
        QVERIFY(!anyDialogOpen());
        QVERIFY(!revoke->isEnabled()); // the selected token is revoked now
        QVERIFY(!page.canPerform(PageAction::Revoke));
        QCOMPARE(status.last().at(0).toString(), QStringLiteral("Token %1 revoked").arg(phone));
    }

    void threeSelectedRowsAreRevokedByOneClick()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QList<qint64> ids;
        for (const char* name : {"a", "b", "c", "d"})
            ids.append(test::issueToken(f.t, QStringLiteral("mobile-app"), QString::fromLatin1(name), 30));
        TokensPage page(f.services);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        clickToken(page, ids[0]);
        clickToken(page, ids[1], Qt::ControlModifier);
        clickToken(page, ids[3], Qt::ControlModifier);
        QCOMPARE(page.table()->selectedSourceRows().size(), 3);
        QTest::mouseClick(button(page, QStringLiteral("revokeSelected")), Qt::LeftButton);

        QVERIFY(revokedInCatalog(f.t, ids[0]));
        QVERIFY(revokedInCatalog(f.t, ids[1]));
        QVERIFY(!revokedInCatalog(f.t, ids[2]));
        QVERIFY(revokedInCatalog(f.t, ids[3]));
        QCOMPARE(shownState(page, ids[3]), TokenState::Revoked);
        QCOMPARE(shownState(page, ids[2]), TokenState::Active);
        QVERIFY(!anyDialogOpen());
    }

    void theDetailsPaneRevokesToo()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 id = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("phone"), 30);
        TokensPage page(f.services);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ui::TokenDetailsPane* details = page.details();
        QCOMPARE(details->tokenId(), 0);

        clickToken(page, id);
        const Token token = *f.t.tokens.find(id);
        QCOMPARE(details->tokenId(), id);
        QCOMPARE(details->detailText(QStringLiteral("id")), QString::number(id));
        QCOMPARE(details->detailText(QStringLiteral("name")), QStringLiteral("phone"));
        QCOMPARE(details->detailText(QStringLiteral("consumer")), QStringLiteral("mobile-app"));
        QCOMPARE(details->detailText(QStringLiteral("hint")), u'\u2026' + token.hint);
        QCOMPARE(details->detailText(QStringLiteral("scopes")), QStringLiteral("api:billing:read"));
        QCOMPARE(details->detailText(QStringLiteral("state")), QStringLiteral("Active"));
        QCOMPARE(details->detailText(QStringLiteral("rateLimit")), QStringLiteral("the API's default"));
        QCOMPARE(details->detailText(QStringLiteral("budget")), QStringLiteral("none"));
        QCOMPARE(details->detailText(QStringLiteral("aiRate")), QStringLiteral("none"));

        auto* revoke = details->findChild<QPushButton*>(QStringLiteral("detailsRevoke"));
        QVERIFY(revoke && revoke->isVisible() && revoke->isEnabled());
        QTest::mouseClick(revoke, Qt::LeftButton);
        QVERIFY(revokedInCatalog(f.t, id));
        QCOMPARE(shownState(page, id), TokenState::Revoked);
        QCOMPARE(details->detailText(QStringLiteral("state")), QStringLiteral("Revoked"));
        QVERIFY(details->detailText(QStringLiteral("revoked")).contains(QStringLiteral("revoked")));
        QVERIFY(!revoke->isEnabled());
        QVERIFY(!details->findChild<QPushButton*>(QStringLiteral("detailsRotate"))->isEnabled());
        QVERIFY(!anyDialogOpen());
    }

    void revokeIsDisabledForARevokedToken()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 id = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("phone"), 30);
        TokensPage page(f.services);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        clickToken(page, id);
        QVERIFY(button(page, QStringLiteral("revokeSelected"))->isEnabled());

        QSignalSpy actions(&page, &ui::Page::actionsChanged);
        QVERIFY(f.t.tokens.revoke(id, QStringLiteral("by the CLI")).ok()); // another admin
        QTRY_COMPARE(shownState(page, id), TokenState::Revoked);
        QVERIFY(!actions.isEmpty());
        QVERIFY(!button(page, QStringLiteral("revokeSelected"))->isEnabled());
        QVERIFY(!page.canPerform(PageAction::Revoke));
        QVERIFY(!page.details()->findChild<QPushButton*>(QStringLiteral("detailsRevoke"))->isEnabled());
        QVERIFY(page.details()->detailText(QStringLiteral("revoked")).contains(QStringLiteral("by the CLI")));
    }

    void actionsThePageOffers()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 a = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("a"), 30);
        const qint64 b = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("b"), 30);
        TokensPage page(f.services);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.canPerform(PageAction::New));
        QVERIFY(page.canPerform(PageAction::Find));
        QVERIFY(page.canPerform(PageAction::Refresh));
        QVERIFY(!page.canPerform(PageAction::Remove)); // tokens are revoked, never deleted
        QVERIFY(!page.canPerform(PageAction::Edit));
        clickToken(page, a);
        QVERIFY(page.canPerform(PageAction::Edit));
        QVERIFY(!page.canPerform(PageAction::Remove));
        clickToken(page, b, Qt::ControlModifier);
        QVERIFY(!page.canPerform(PageAction::Edit)); // details are for one token
        QCOMPARE(page.details()->tokenId(), 0);

        page.perform(PageAction::Find);
        QTRY_VERIFY(page.table()->filterEdit()->hasFocus());
    }

    void filtersNarrowTheTableAndFollowTheCatalog()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 mobile = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("m"), 30);
        const qint64 mobileRevoked = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("r"), 30);
        QVERIFY(f.t.tokens.revoke(mobileRevoked).ok());
        TokensPage page(f.services);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* consumers = page.findChild<QComboBox*>(QStringLiteral("consumerFilter"));
        auto* states = page.findChild<QComboBox*>(QStringLiteral("stateFilter"));
        QCOMPARE(consumers->count(), 2);
        QCOMPARE(consumers->itemText(0), QStringLiteral("All consumers"));
        QCOMPARE(states->count(), 5);

        // A consumer another admin adds shows up in the filter, and its tokens in the table.
        QVERIFY(f.t.consumers.add(QStringLiteral("web-app")).ok());
        QTRY_COMPARE(consumers->count(), 3);
        const qint64 web = test::issueToken(f.t, QStringLiteral("web-app"), QStringLiteral("w"), 30);
        QTRY_COMPARE(page.model()->rowCount(), 3);

        consumers->setCurrentIndex(consumers->findText(QStringLiteral("web-app")));
        QCOMPARE(page.consumerFilter(), QStringLiteral("web-app"));
        QCOMPARE(page.model()->rowCount(), 1);
        QVERIFY(page.model()->rowOfId(web) >= 0);

        consumers->setCurrentIndex(consumers->findText(QStringLiteral("mobile-app")));
        states->setCurrentIndex(states->findText(QStringLiteral("Revoked")));
        QCOMPARE(page.model()->rowCount(), 1);
        QVERIFY(page.model()->rowOfId(mobileRevoked) >= 0);
        states->setCurrentIndex(states->findText(QStringLiteral("Active")));
        QCOMPARE(page.model()->rowCount(), 1);
        QVERIFY(page.model()->rowOfId(mobile) >= 0);

        // Revoking under the Active filter takes the row out of the table.
        clickToken(page, mobile);
        QTest::mouseClick(button(page, QStringLiteral("revokeSelected")), Qt::LeftButton);
        QVERIFY(revokedInCatalog(f.t, mobile));
        QCOMPARE(page.model()->rowCount(), 0);
        QVERIFY(!button(page, QStringLiteral("revokeSelected"))->isEnabled());

        // Renamed elsewhere: still selected, under its new name, and its rows never leave the table.
        states->setCurrentIndex(0);
        QCOMPARE(page.model()->rowCount(), 2);
        QSignalSpy removed(page.model(), &QAbstractItemModel::rowsRemoved);
        QVERIFY(f.t.consumers.update(QStringLiteral("mobile-app"), QStringLiteral("phone-app"), QString()).ok());
        QTRY_COMPARE(consumers->currentText(), QStringLiteral("phone-app"));
        QCOMPARE(page.model()->filter().consumer, QStringLiteral("phone-app"));
        QCOMPARE(page.model()->rowCount(), 2);
        QCOMPARE(removed.size(), 0);
    }

    void newPreselectsTheFilteredConsumer()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        QVERIFY(f.t.consumers.add(QStringLiteral("web-app")).ok());
        TokensPage page(f.services);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* consumers = page.findChild<QComboBox*>(QStringLiteral("consumerFilter"));
        consumers->setCurrentIndex(consumers->findText(QStringLiteral("web-app")));

        page.perform(PageAction::New);
        ui::NewTokenDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = test::openDialog<ui::NewTokenDialog>()));
        QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("consumer"))->currentText(), QStringLiteral("web-app"));
        auto* billing = dialog->findChild<QCheckBox*>(QStringLiteral("scope:billing"));
        QTest::mouseClick(billing, Qt::LeftButton, {}, QPoint(6, billing->height() / 2));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("ok")), Qt::LeftButton);

        ui::IssuedTokenDialog* shown = nullptr;
        QTRY_VERIFY((shown = test::openDialog<ui::IssuedTokenDialog>()));
        const qint64 id = shown->token().id;
        QCOMPARE(f.t.tokens.find(id)->consumerName, QStringLiteral("web-app"));
        // The new token is listed and selected.
        QCOMPARE(page.table()->currentSourceRow(), page.model()->rowOfId(id));
        QCOMPARE(page.details()->tokenId(), id);
        shown->close();
    }

    void rotateWithAnHourOfGraceShowsTheNewTokenOnce()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 old = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("phone"), 30);
        TokensPage page(f.services);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QPushButton* rotate = button(page, QStringLiteral("rotateSelected"));
        QVERIFY(!rotate->isEnabled());
        clickToken(page, old);
        QVERIFY(rotate->isEnabled());
        QTest::mouseClick(rotate, Qt::LeftButton);

        ui::RotateTokenDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = test::openDialog<ui::RotateTokenDialog>()));
        auto* grace = dialog->findChild<QComboBox*>(QStringLiteral("grace"));
        grace->setCurrentIndex(grace->findText(QStringLiteral("1 hour")));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("ok")), Qt::LeftButton);

        ui::IssuedTokenDialog* shown = nullptr;
        QTRY_VERIFY((shown = test::openDialog<ui::IssuedTokenDialog>()));
        QTRY_VERIFY(!test::openDialog<ui::RotateTokenDialog>());
        auto replacement = f.t.tokens.findBySecret(shown->tokenText().toLatin1());
        QVERIFY(replacement.ok());
        QCOMPARE(replacement->rotatedFrom, old);
        QCOMPARE(replacement->expires, f.t.clock.now().addDays(30));
        QCOMPARE(page.details()->tokenId(), replacement->id); // the successor is selected

        // The old token works through the grace period, and not a moment after.
        QVERIFY(tokenState::isUsable(*f.t.tokens.find(old), f.t.clock.now()));
        f.t.clock.advanceSecs(59 * 60);
        QVERIFY(tokenState::isUsable(*f.t.tokens.find(old), f.t.clock.now()));
        f.t.clock.advanceSecs(2 * 60);
        QCOMPARE(tokenState::of(*f.t.tokens.find(old), f.t.clock.now()), TokenState::Revoked);
        page.perform(PageAction::Refresh);
        QCOMPARE(shownState(page, old), TokenState::Revoked);

        // Shown once: closing wipes the only copy, and nothing else offers it again.
        QPointer<ui::IssuedTokenDialog> guard = shown;
        shown->close();
        QVERIFY(guard.isNull() || guard->tokenText().isEmpty());
        QTRY_VERIFY(!test::openDialog<ui::IssuedTokenDialog>());
    }

    void editLimitsFromTheDetailsPaneAndTheToolbar()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 id = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("phone"), 30);
        TokensPage page(f.services);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(!button(page, QStringLiteral("editLimits"))->isEnabled());
        clickToken(page, id);
        ui::TokenDetailsPane* details = page.details();
        auto* fromDetails = details->findChild<QPushButton*>(QStringLiteral("detailsLimits"));
        QVERIFY(fromDetails && fromDetails->isVisible() && fromDetails->isEnabled());
        QTest::mouseClick(fromDetails, Qt::LeftButton);

        ui::TokenLimitsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = test::openDialog<ui::TokenLimitsDialog>()));
        QCOMPARE(dialog->tokenId(), id);
        auto* ok = dialog->findChild<QPushButton*>(QStringLiteral("ok"));
        auto* daily = dialog->findChild<QLineEdit*>(QStringLiteral("budgetDaily"));
        QVERIFY(daily->text().isEmpty()); // no budget yet
        QVERIFY(ok->isEnabled());
        QTest::keyClicks(daily, QStringLiteral("lots"));
        auto* reason = dialog->findChild<QLabel*>(QStringLiteral("budgetDailyReason"));
        QVERIFY(reason->isVisible() && reason->text().contains(QStringLiteral("250k")));
        QVERIFY(!ok->isEnabled());
        daily->clear();
        QTest::keyClicks(daily, QStringLiteral("100k"));
        QVERIFY(!reason->isVisible());
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("budgetMonthly")), QStringLiteral("2M"));
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("aiRequestsPerMinute")), QStringLiteral("60"));
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("aiTokensPerMinute")), QStringLiteral("50k"));
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("rateLimit")), QStringLiteral("10/s"));
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!test::openDialog<ui::TokenLimitsDialog>());

        const Token stored = *f.t.tokens.find(id);
        QCOMPARE(stored.rateLimit, QStringLiteral("10/s"));
        QVERIFY(stored.aiLimits == (AiLimits {{100'000, 2'000'000}, 60, 50'000}));
        QCOMPARE(details->tokenId(), id);
        QCOMPARE(details->detailText(QStringLiteral("rateLimit")), QStringLiteral("10/s"));
        QCOMPARE(details->detailText(QStringLiteral("budget")), QStringLiteral("100k tokens a day, 2M tokens a month"));
        QCOMPARE(
            details->detailText(QStringLiteral("aiRate")), QStringLiteral("60 requests a minute, 50k tokens a minute"));

        // The toolbar's button opens the same dialog, prefilled; emptying a field lifts that limit.
        QTest::mouseClick(button(page, QStringLiteral("editLimits")), Qt::LeftButton);
        QTRY_VERIFY((dialog = test::openDialog<ui::TokenLimitsDialog>()));
        daily = dialog->findChild<QLineEdit*>(QStringLiteral("budgetDaily"));
        QCOMPARE(daily->text(), QStringLiteral("100k"));
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("aiRequestsPerMinute"))->text(), QStringLiteral("60"));
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("rateLimit"))->text(), QStringLiteral("10/s"));
        daily->clear();
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("ok")), Qt::LeftButton);
        QTRY_VERIFY(!test::openDialog<ui::TokenLimitsDialog>());
        QVERIFY(f.t.tokens.find(id)->aiLimits == (AiLimits {{0, 2'000'000}, 60, 50'000}));
        QCOMPARE(details->detailText(QStringLiteral("budget")), QStringLiteral("2M tokens a month"));

        // Another admin's change shows too.
        QVERIFY(f.t.tokens.setLimits(id, {QString(), AiLimits {}}).ok());
        QTRY_COMPARE(details->detailText(QStringLiteral("budget")), QStringLiteral("none"));
        QCOMPARE(details->detailText(QStringLiteral("rateLimit")), QStringLiteral("the API's default"));

        // A revoked token has no limits left to change.
        QVERIFY(f.t.tokens.revoke(id).ok());
        QTRY_VERIFY(!fromDetails->isEnabled());
        QVERIFY(!button(page, QStringLiteral("editLimits"))->isEnabled());
    }

    void theDetailsShowTodaysAndThisMonthsAiUsage()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.t.addBillingApiAndConsumer();
        const qint64 id = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("phone"), 30);
        const qint64 other = test::issueToken(f.t, QStringLiteral("mobile-app"), QStringLiteral("tablet"), 30);
        QVERIFY(f.t.tokens.setLimits(id, {QString(), AiLimits {{100'000, 1'000'000}, 0, 0}}).ok());
        const Consumer consumer = *f.t.consumers.find(QStringLiteral("mobile-app"));
        QVERIFY(f.t.consumers.update(consumer.name, consumer.name, consumer.description, UsageBudget {20'000, 0}).ok());

        // The clock says 2026-01-15: two models today, one earlier this month, one last month (not counted).
        addUsage(f.t, QStringLiteral("2026-01-15"), id, consumer.id, 1, 10'000, 2'345);
        addUsage(f.t, QStringLiteral("2026-01-15"), id, consumer.id, 2, 0, 1'000);
        addUsage(f.t, QStringLiteral("2026-01-02"), id, consumer.id, 1, 40'000, 0);
        addUsage(f.t, QStringLiteral("2025-12-31"), id, consumer.id, 1, 900'000, 0);
        addUsage(f.t, QStringLiteral("2026-01-15"), other, consumer.id, 1, 7'000, 0);

        TokensPage page(f.services);
        QSignalSpy refreshed(&page, &TokensPage::usageRefreshed);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        clickToken(page, id);
        ui::TokenDetailsPane* details = page.details();
        QTRY_VERIFY(refreshed.count() > 0);
        QTRY_COMPARE(details->detailText(QStringLiteral("usageToday")),
            QStringLiteral("%1 of 100k tokens (13%)").arg(number(13'345)));
        QCOMPARE(details->detailText(QStringLiteral("usageMonth")),
            QStringLiteral("%1 of 1M tokens (5%)").arg(number(53'345)));
        // The consumer's 20k a day is spent by its two tokens together.
        QCOMPARE(details->detailText(QStringLiteral("consumerUsage")),
            QStringLiteral("today %1 of 20k tokens: spent, AI requests are refused; this month %2 tokens")
                .arg(number(20'345), number(60'345)));

        // The other token has no budget of its own; new usage shows on the next read.
        clickToken(page, other);
        QCOMPARE(details->detailText(QStringLiteral("usageToday")), QStringLiteral("%1 tokens").arg(number(7'000)));
        addUsage(f.t, QStringLiteral("2026-01-15"), other, consumer.id, 2, 500, 500);
        const int before = int(refreshed.count());
        page.perform(PageAction::Refresh);
        QTRY_VERIFY(refreshed.count() > before);
        QTRY_COMPARE(details->detailText(QStringLiteral("usageToday")), QStringLiteral("%1 tokens").arg(number(8'000)));
    }
};

QTEST_MAIN(TestTokensPage)
#include "TestTokensPage.moc"
