#include "ui/providers/ProviderDialog.h"

#include "core/secrets/EncryptedFileSecretStore.h"
#include "tests/ui/support/ConsoleFixture.h"
#include "ui/common/FieldErrorLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using ui::FieldErrorLabel;
using ui::ProviderDialog;

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

QComboBox* typeOf(QWidget* dialog)
{
    return dialog->findChild<QComboBox*>(QStringLiteral("type"));
}

} // namespace

class TestProviderDialog : public QObject
{
    Q_OBJECT

private:
    QPointer<ProviderDialog> openNew(test::ConsoleFixture& f, QWidget& host)
    {
        auto* dialog = new ProviderDialog(f.services, std::nullopt, &host);
        dialog->open();
        return dialog;
    }

private Q_SLOTS:
    void parsesModelsByLineAndComma()
    {
        QCOMPARE(ProviderDialog::parseModels(QStringLiteral(" a, b\n\nc ,\n")),
            (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }

    void invalidNameIsExplainedAndBlocksOk()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        auto dialog = openNew(f, host);
        typeOf(dialog)->setCurrentText(QStringLiteral("ollama"));
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("bad name!"));
        QVERIFY(errorOf(dialog, "nameError")->isVisible());
        QVERIFY(errorOf(dialog, "nameError")->text().contains(QStringLiteral("bad name!")));
        QVERIFY(!okButton(dialog)->isEnabled());
        // accept() refuses as well: the dialog stays open and nothing is written.
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QCOMPARE(f.services.providers.list()->size(), 0);
    }

    void ollamaNeedsNoKeyAndShowsTheDefaultUrl()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        auto dialog = openNew(f, host);
        typeOf(dialog)->setCurrentText(QStringLiteral("ollama"));
        QVERIFY(!field(dialog, "key")->isEnabled());
        QCOMPARE(field(dialog, "key")->placeholderText(), QStringLiteral("not needed"));
        QCOMPARE(field(dialog, "baseUrl")->placeholderText(), QStringLiteral("http://localhost:11434"));
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("local"));
        QVERIFY(okButton(dialog)->isEnabled());
    }

    void hostedTypeNeedsAKeyUnlessLoopback()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        auto dialog = openNew(f, host);
        typeOf(dialog)->setCurrentText(QStringLiteral("anthropic"));
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("claude"));
        QVERIFY(!okButton(dialog)->isEnabled());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(errorOf(dialog, "keyError")->isVisible());
        QVERIFY(errorOf(dialog, "keyError")->text().contains(QStringLiteral("required")));
        // A server on this machine takes none.
        QTest::keyClicks(field(dialog, "baseUrl"), QStringLiteral("http://127.0.0.1:9999"));
        QVERIFY(!errorOf(dialog, "keyError")->isVisible());
        QVERIFY(okButton(dialog)->isEnabled());
    }

    void openAiCompatibleNeedsABaseUrl()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        auto dialog = openNew(f, host);
        typeOf(dialog)->setCurrentText(QStringLiteral("openai-compatible"));
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("vllm"));
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(errorOf(dialog, "baseUrlError")->isVisible());
        QVERIFY(errorOf(dialog, "baseUrlError")->text().contains(QStringLiteral("required")));
        QTest::keyClicks(field(dialog, "baseUrl"), QStringLiteral("not a url"));
        QVERIFY(errorOf(dialog, "baseUrlError")->isVisible());
        QVERIFY(!okButton(dialog)->isEnabled());
    }

    void invalidModelIsExplained()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QWidget host;
        auto dialog = openNew(f, host);
        typeOf(dialog)->setCurrentText(QStringLiteral("ollama"));
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("local"));
        auto* models = dialog->findChild<QPlainTextEdit*>(QStringLiteral("models"));
        models->setPlainText(QStringLiteral("llama3, bad model\x01"));
        QVERIFY(errorOf(dialog, "modelsError")->isVisible());
        QVERIFY(!okButton(dialog)->isEnabled());
    }

    void withoutASecretStoreAKeyedProviderIsRefusedBesideTheKey()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        f.services.setSecretStoreUnavailable(QStringLiteral("no place to keep provider keys: test"));
        QWidget host;
        auto dialog = openNew(f, host);
        typeOf(dialog)->setCurrentText(QStringLiteral("openai"));
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("openai"));
        QTest::keyClicks(field(dialog, "key"), QStringLiteral("sk-test-123"));
        QVERIFY(errorOf(dialog, "keyError")->isVisible());
        QVERIFY(errorOf(dialog, "keyError")->text().contains(QStringLiteral("o place to keep provider keys: test")));
        QVERIFY(!okButton(dialog)->isEnabled());
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QCOMPARE(f.services.providers.list()->size(), 0);
    }

    void duplicateNameComesBackFromTheService()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        QVERIFY(f.services.providers.add({QStringLiteral("local"), QStringLiteral("ollama"), {}, {}}));
        QWidget host;
        auto dialog = openNew(f, host);
        typeOf(dialog)->setCurrentText(QStringLiteral("ollama"));
        QTest::keyClicks(field(dialog, "name"), QStringLiteral("local"));
        QVERIFY(okButton(dialog)->isEnabled());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(errorOf(dialog, "nameError")->text().contains(QStringLiteral("already exists")));
        QVERIFY(!okButton(dialog)->isEnabled());
    }

    void editKeepsTheKeyAndChangesTheRest()
    {
        test::ConsoleFixture f;
        QVERIFY(f.isReady());
        auto added = f.services.providers.add(
            {QStringLiteral("local"), QStringLiteral("ollama"), {}, {QStringLiteral("llama3")}});
        QVERIFY(added);
        QWidget host;
        QPointer<ProviderDialog> dialog = new ProviderDialog(f.services, *added, &host);
        dialog->open();
        QVERIFY(!field(dialog, "key"));
        QVERIFY(field(dialog, "baseUrl")->text().isEmpty()); // the default, shown as placeholder
        auto* models = dialog->findChild<QPlainTextEdit*>(QStringLiteral("models"));
        QCOMPARE(models->toPlainText(), QStringLiteral("llama3"));
        models->setPlainText(QStringLiteral("llama3, qwen2"));
        QSignalSpy saved(dialog.data(), &ProviderDialog::saved);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(f.services.providers.find(QStringLiteral("local"))->models,
            (QStringList {QStringLiteral("llama3"), QStringLiteral("qwen2")}));
    }
};

QTEST_MAIN(TestProviderDialog)
#include "TestProviderDialog.moc"
