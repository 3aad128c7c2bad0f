#include "ui/providers/ProvidersPage.h"

#include "core/ai/ProviderModelsClient.h"
#include "core/catalog/AliasService.h"
#include "core/secrets/EncryptedFileSecretStore.h"
#include "tests/support/upstreams/LoopbackPort.h"
#include "tests/support/upstreams/ProviderUpstream.h"
#include "tests/ui/support/ConsoleFixture.h"
#include "ui/common/FieldErrorLabel.h"
#include "ui/common/FilterableTable.h"
#include "ui/common/MessageBoxes.h"
#include "ui/providers/ProviderDialog.h"
#include "ui/providers/ProviderTableModel.h"
#include "ui/providers/ReplaceKeyDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace gatehouse;
using test::openDialog;
using ui::MessageBoxes;
using ui::PageAction;
using ui::ProviderDialog;
using ui::ProvidersPage;
using ui::ProviderTableModel;

namespace {

const QString kKey = QStringLiteral("sk-page-test-7f3a9c1e5b");

QPushButton* okButton(QWidget* dialog)
{
    return dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
}

// A real encrypted-file store in the catalog's directory with a known passphrase (CI has no
// keychain session for GUI tests), at a low scrypt cost to keep the test quick.
void injectStore(test::ConsoleFixture& f)
{
    auto store = std::make_unique<secrets::EncryptedFileSecretStore>(
        f.t.directory(), SecretBytes(QByteArrayLiteral("test passphrase")));
    store->setCost({10, 8, 1});
    f.services.useSecretStore(std::move(store), QStringLiteral("keys are kept in the encrypted file"));
}

bool select(ProvidersPage& page, const QString& name)
{
    const int row = page.model()->rowOfName(name);
    if (row < 0)
        return false;
    page.table()->selectSourceRow(row);
    return true;
}

// Every string the model gives out, in every role a view asks for.
QString allModelText(const QAbstractItemModel& model)
{
    QString text;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::EditRole), ui::kSortRole})
                text += model.index(row, column).data(role).toString() + u'\n';
        }
    }
    return text;
}

QLabel* resultLabel(ProvidersPage& page)
{
    return page.findChild<QLabel*>(QStringLiteral("checkResult"));
}

} // namespace

class TestProvidersPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsAnOllamaProviderWithoutAKey()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        ProvidersPage page(f.services);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        page.show();
        QCOMPARE(page.title(), QStringLiteral("AI Providers"));
        QSignalSpy status(&page, &ui::Page::statusMessage);

        page.perform(PageAction::New);
        ProviderDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = openDialog<ProviderDialog>()));
        QVERIFY(dialog->isModal());
        dialog->findChild<QComboBox*>(QStringLiteral("type"))->setCurrentText(QStringLiteral("ollama"));
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("name")), QStringLiteral("local"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(!openDialog<ProviderDialog>());

        const int row = page.model()->rowOfName(QStringLiteral("local"));
        QVERIFY(row >= 0);
        QCOMPARE(page.model()->index(row, ProviderTableModel::TypeColumn).data().toString(), QStringLiteral("ollama"));
        QCOMPARE(
            page.model()->index(row, ProviderTableModel::KeyColumn).data().toString(), QStringLiteral("not needed"));
        QCOMPARE(page.table()->currentSourceRow(), row);
        QCOMPARE(status.last().at(0).toString(), QStringLiteral("AI provider local added"));
    }

    void addsAKeyedProviderAndNeverShowsTheKey()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        injectStore(f);
        test::ProviderUpstream upstream;
        QVERIFY(upstream.start());
        ProvidersPage page(f.services);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        page.show();
        // The fallback store is said up front.
        auto* banner = page.findChild<QLabel*>(QStringLiteral("secretStoreBanner"));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(QStringLiteral("encrypted file")));

        page.perform(PageAction::New);
        ProviderDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = openDialog<ProviderDialog>()));
        dialog->findChild<QComboBox*>(QStringLiteral("type"))->setCurrentText(QStringLiteral("openai-compatible"));
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("name")), QStringLiteral("vllm"));
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("baseUrl")),
            upstream.url().toString() + QStringLiteral("/v1"));
        auto* key = dialog->findChild<QLineEdit*>(QStringLiteral("key"));
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QTest::keyClicks(key, kKey);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(!openDialog<ProviderDialog>());

        const int row = page.model()->rowOfName(QStringLiteral("vllm"));
        QVERIFY(row >= 0);
        QCOMPARE(page.model()->index(row, ProviderTableModel::KeyColumn).data().toString(), QStringLiteral("set"));
        QVERIFY(!allModelText(*page.model()).contains(kKey));
        QVERIFY(!allModelText(*page.table()->view()->model()).contains(kKey));
        QFile catalogFile(f.t.filePath());
        QVERIFY(catalogFile.open(QIODevice::ReadOnly));
        QVERIFY(!catalogFile.readAll().contains(kKey.toUtf8()));
        // It is in the store, where the gateway will read it.
        auto stored = f.services.providers.readKey(*f.services.providers.find(QStringLiteral("vllm")));
        QVERIFY(stored && stored->has_value());
        QCOMPARE((*stored)->view(), QByteArrayView(kKey.toUtf8()));

        // Test connection sends it and reports the count, asynchronously, once at a time.
        QSignalSpy finished(&page, &ProvidersPage::checkFinished);
        auto* testButton = page.findChild<QPushButton*>(QStringLiteral("testConnection"));
        QVERIFY(testButton->isEnabled());
        QTest::mouseClick(testButton, Qt::LeftButton);
        QVERIFY(page.isBusy());
        QVERIFY(!testButton->isEnabled());
        page.testConnection(); // no double start
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(resultLabel(page)->text().startsWith(QStringLiteral("OK, ")));
        QVERIFY(resultLabel(page)->text().contains(QStringLiteral(" models, ")));
        QVERIFY(resultLabel(page)->text().endsWith(QStringLiteral(" ms")));
        QCOMPARE(upstream.requestCount(), 1);
        QVERIFY(testButton->isEnabled());
        QVERIFY(!resultLabel(page)->text().contains(kKey));

        // Refresh models stores what the provider lists.
        QCOMPARE(f.services.providers.find(QStringLiteral("vllm"))->models.size(), 0);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("refreshModels")), Qt::LeftButton);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        const Provider refreshed = *f.services.providers.find(QStringLiteral("vllm"));
        QVERIFY(!refreshed.models.isEmpty());
        QVERIFY(refreshed.modelsRefreshed.isValid());
        const int after = page.model()->rowOfName(QStringLiteral("vllm"));
        QTRY_COMPARE(
            page.model()->index(after, ProviderTableModel::ModelsColumn).data().toInt(), int(refreshed.models.size()));
        QCOMPARE(page.model()->index(after, ProviderTableModel::ModelsColumn).data(Qt::ToolTipRole).toString(),
            refreshed.models.join(u'\n'));
    }

    void testConnectionReportsAFailure()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        const quint16 port = test::unusedLoopbackPort();
        QVERIFY(port != 0);
        QVERIFY(f.services.providers.add(
            {QStringLiteral("down"), QStringLiteral("ollama"), QStringLiteral("http://127.0.0.1:%1").arg(port), {}}));
        ProvidersPage page(f.services);
        page.show();
        QVERIFY(select(page, QStringLiteral("down")));
        QSignalSpy finished(&page, &ProvidersPage::checkFinished);
        page.testConnection();
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(resultLabel(page)->text().startsWith(QStringLiteral("Failed: ")));
        QVERIFY(!page.isBusy());
    }

    void replaceKeyStoresItAndClearsTheField()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        injectStore(f);
        QVERIFY(f.services.providers.add(
            {QStringLiteral("local-openai"), QStringLiteral("openai"), QStringLiteral("http://127.0.0.1:9"), {}}));
        ProvidersPage page(f.services);
        page.show();
        QVERIFY(select(page, QStringLiteral("local-openai")));
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("replaceKey")), Qt::LeftButton);
        ui::ReplaceKeyDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = openDialog<ui::ReplaceKeyDialog>()));
        auto* key = dialog->findChild<QLineEdit*>(QStringLiteral("key"));
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QVERIFY(!okButton(dialog)->isEnabled());
        QTest::keyClicks(key, kKey);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(!openDialog<ui::ReplaceKeyDialog>());
        const int row = page.model()->rowOfName(QStringLiteral("local-openai"));
        QTRY_COMPARE(page.model()->index(row, ProviderTableModel::KeyColumn).data().toString(), QStringLiteral("set"));
        QVERIFY(!allModelText(*page.model()).contains(kKey));
        auto stored = f.services.providers.readKey(*f.services.providers.find(QStringLiteral("local-openai")));
        QVERIFY(stored && stored->has_value());
        QCOMPARE((*stored)->view(), QByteArrayView(kKey.toUtf8()));
    }

    void withoutAStoreTheBannerSaysWhy()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.services.setSecretStoreUnavailable(QStringLiteral("no place to keep provider keys: test reason"));
        ProvidersPage page(f.services);
        page.show();
        auto* banner = page.findChild<QLabel*>(QStringLiteral("secretStoreBanner"));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(QStringLiteral("test reason")));
    }

    void removeConfirmsAndNamesTheAliases()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QVERIFY(f.services.providers.add({QStringLiteral("local"), QStringLiteral("ollama"), {}, {}}));
        QVERIFY(f.services.providers.add({QStringLiteral("spare"), QStringLiteral("ollama"), {}, {}}));
        QVERIFY(f.services.aliases.add(QStringLiteral("fast"), {{QStringLiteral("local"), QStringLiteral("llama3")}}));
        ProvidersPage page(f.services);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        page.show();

        // Named by an alias: the question says so...
        QVERIFY(select(page, QStringLiteral("local")));
        MessageBoxes::setNextAnswer(QMessageBox::No);
        page.perform(PageAction::Remove);
        QVERIFY(MessageBoxes::lastText().contains(QStringLiteral("model aliases fast")));
        // ...and when confirmed anyway, the service's refusal is shown (a real warning box, closed here).
        MessageBoxes::setNextAnswer(QMessageBox::Yes);
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->accept();
        });
        closer.start(20);
        page.perform(PageAction::Remove);
        closer.stop();
        QVERIFY(MessageBoxes::lastText().contains(QStringLiteral("alias(es) fast")));
        QCOMPARE(page.model()->rowCount(), 2);

        // Declined: nothing happens.
        QVERIFY(select(page, QStringLiteral("spare")));
        MessageBoxes::setNextAnswer(QMessageBox::No);
        page.perform(PageAction::Remove);
        QVERIFY(MessageBoxes::lastText().contains(QStringLiteral("\"spare\"")));
        QCOMPARE(page.model()->rowCount(), 2);

        MessageBoxes::setNextAnswer(QMessageBox::Yes);
        page.perform(PageAction::Remove);
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QVERIFY(!f.services.providers.find(QStringLiteral("spare")));
    }

    void aCliAddInAnotherProcessShowsUpWithinASecond()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        ProvidersPage page(f.services);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        page.show();
        QCOMPARE(page.model()->rowCount(), 0);
        QProcess cli;
        cli.start(QStringLiteral(GATEHOUSE_CLI_PATH),
            {QStringLiteral("--data-dir"), f.t.directory(), QStringLiteral("provider"), QStringLiteral("add"),
                QStringLiteral("from-cli"), QStringLiteral("--type"), QStringLiteral("ollama"),
                QStringLiteral("--model"), QStringLiteral("llama3")});
        QVERIFY(cli.waitForFinished(15'000));
        QCOMPARE(cli.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOfName(QStringLiteral("from-cli")) >= 0, 1000);
        const int row = page.model()->rowOfName(QStringLiteral("from-cli"));
        QCOMPARE(page.model()->index(row, ProviderTableModel::ModelsColumn).data().toInt(), 1);
    }
};

QTEST_MAIN(TestProvidersPage)
#include "TestProvidersPage.moc"
