// ProviderService over a real SQLite catalog, with keys in a real encrypted-file store.

#include "core/catalog/AliasService.h"
#include "core/catalog/ProviderService.h"
#include "core/catalog/sql/SqlQuery.h"
#include "core/secrets/EncryptedFileSecretStore.h"
#include "tests/support/TestCatalog.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace gatehouse;

namespace {

const QByteArray kKey = "sk-test-0123456789abcdefSECRET";

SecretBytes key(const QByteArray& bytes = kKey)
{
    return SecretBytes(QByteArray(bytes.constData(), bytes.size()));
}

} // namespace

class TestProviderService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestCatalog> m_catalog;
    std::unique_ptr<secrets::EncryptedFileSecretStore> m_store;
    std::unique_ptr<ProviderService> m_providers;

private Q_SLOTS:
    void init()
    {
        m_catalog = std::make_unique<test::TestCatalog>();
        QVERIFY(m_catalog->isReady());
        m_store = std::make_unique<secrets::EncryptedFileSecretStore>(
            m_catalog->directory(), SecretBytes(QByteArray("correct horse")));
        m_store->setCost({10, 8, 1});
        m_providers = std::make_unique<ProviderService>(m_catalog->catalog, QStringLiteral("test:admin"));
        m_providers->setSecretStore(m_store.get());
    }
    void cleanup()
    {
        m_providers.reset();
        m_store.reset();
        m_catalog.reset();
    }

    void addsWithDefaultsAndKeepsTheKeyOutOfTheCatalog()
    {
        QSignalSpy added(m_providers.get(), &ProviderService::providerAdded);
        const qint64 before = m_catalog->revision();
        auto provider = m_providers->add(
            {QStringLiteral("claude"), QStringLiteral("anthropic"), QString(), {QStringLiteral("claude-sonnet-4-5")}},
            key());
        QVERIFY2(provider.ok(), qPrintable(provider.ok() ? QString() : provider.error().toString()));
        QCOMPARE(provider->type, ProviderType::Anthropic);
        QCOMPARE(provider->baseUrl, QUrl(QStringLiteral("https://api.anthropic.com")));
        QCOMPARE(provider->models, QStringList {QStringLiteral("claude-sonnet-4-5")});
        QVERIFY(provider->hasKey);
        QCOMPARE(added.count(), 1);
        QVERIFY(m_catalog->revision() > before);

        auto found = m_providers->find(QStringLiteral("claude"));
        QVERIFY(found.ok());
        QCOMPARE(*found, *provider);
        auto stored = m_providers->readKey(*found);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->view(), QByteArrayView(kKey));

        // Neither the catalog file, its WAL, nor the audit trail holds the key.
        m_catalog->catalog.close();
        for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(m_catalog->filePath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                QVERIFY(!file.readAll().contains(kKey));
        }
        QFile secrets(m_store->filePath());
        QVERIFY(secrets.open(QIODevice::ReadOnly));
        QVERIFY(!secrets.readAll().contains(kKey));
    }

    void defaultBaseUrlsPerType()
    {
        QCOMPARE(providerType::defaultBaseUrl(ProviderType::OpenAi), QUrl(QStringLiteral("https://api.openai.com/v1")));
        QCOMPARE(providerType::defaultBaseUrl(ProviderType::Gemini),
            QUrl(QStringLiteral("https://generativelanguage.googleapis.com")));
        QCOMPARE(
            providerType::defaultBaseUrl(ProviderType::Mistral), QUrl(QStringLiteral("https://api.mistral.ai/v1")));
        QCOMPARE(providerType::defaultBaseUrl(ProviderType::Ollama), QUrl(QStringLiteral("http://localhost:11434")));
        QVERIFY(providerType::defaultBaseUrl(ProviderType::OpenAiCompatible).isEmpty());
        for (const QString& name : providerType::allNames())
            QCOMPARE(providerType::name(*providerType::parse(name)), name);
        QVERIFY(!providerType::parse(u"azure").ok());
    }

    void validatesInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QStringList>("models");
        QTest::addColumn<bool>("withKey");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad name") << "Bad Name"
                                  << "openai"
                                  << "" << QStringList() << true << "name";
        QTest::newRow("bad type") << "x"
                                  << "azure"
                                  << "" << QStringList() << true << "type";
        QTest::newRow("compatible without url") << "x"
                                                << "openai-compatible"
                                                << "" << QStringList() << true << "base-url";
        QTest::newRow("ftp url") << "x"
                                 << "openai"
                                 << "ftp://a.example" << QStringList() << true << "base-url";
        QTest::newRow("credentials in url") << "x"
                                            << "openai"
                                            << "https://u:p@a.example" << QStringList() << true << "base-url";
        QTest::newRow("model with space") << "x"
                                          << "openai"
                                          << "" << QStringList {QStringLiteral("gpt 4")} << true << "model";
        QTest::newRow("hosted without key") << "x"
                                            << "openai"
                                            << "" << QStringList() << false << "key";
        QTest::newRow("compatible remote without key")
            << "x"
            << "openai-compatible"
            << "https://llm.example.com/v1" << QStringList() << false << "key";
    }
    void validatesInput()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QString, baseUrl);
        QFETCH(QStringList, models);
        QFETCH(bool, withKey);
        QFETCH(QString, field);
        std::optional<SecretBytes> secret;
        if (withKey)
            secret.emplace(key());
        auto added = m_providers->add({name, type, baseUrl, models}, std::move(secret));
        QVERIFY(!added.ok());
        QCOMPARE(added.error().kind, Error::Kind::InvalidInput);
        QCOMPARE(added.error().field, field);
        QCOMPARE(m_catalog->rowCount(QStringLiteral("providers")), 0);
        QVERIFY(!QFile::exists(m_store->filePath()));
    }

    void localProvidersNeedNoKey()
    {
        auto ollama = m_providers->add({QStringLiteral("local"), QStringLiteral("ollama"), QString(), {}});
        QVERIFY(ollama.ok());
        QVERIFY(!ollama->hasKey);
        auto vllm = m_providers->add({QStringLiteral("vllm"), QStringLiteral("openai-compatible"),
            QStringLiteral("http://127.0.0.1:8000/v1"), {}});
        QVERIFY(vllm.ok());
        auto readable = m_providers->readKey(*vllm);
        QVERIFY(readable.ok() && !readable->has_value());
    }

    void duplicateNameIsAConflict()
    {
        QVERIFY(m_providers->add({QStringLiteral("local"), QStringLiteral("ollama"), QString(), {}}).ok());
        auto again = m_providers->add({QStringLiteral("local"), QStringLiteral("ollama"), QString(), {}});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, Error::Kind::Conflict);
    }

    void noStoreMeansNothingIsAdded()
    {
        m_providers->setSecretStore(nullptr, QStringLiteral("no keychain and no passphrase"));
        auto added = m_providers->add({QStringLiteral("gpt"), QStringLiteral("openai"), QString(), {}}, key());
        QVERIFY(!added.ok());
        QCOMPARE(added.error().message, QStringLiteral("no keychain and no passphrase"));
        QCOMPARE(m_catalog->rowCount(QStringLiteral("providers")), 0);
    }

    void failedKeyWriteRollsTheProviderBack()
    {
        // A store that cannot decrypt its file (another passphrase wrote it) refuses the write.
        QVERIFY(m_store->write(QStringLiteral("other"), key("x")).ok());
        secrets::EncryptedFileSecretStore wrong(m_catalog->directory(), SecretBytes(QByteArray("wrong")));
        m_providers->setSecretStore(&wrong);
        QSignalSpy added(m_providers.get(), &ProviderService::providerAdded);
        auto result = m_providers->add({QStringLiteral("gpt"), QStringLiteral("openai"), QString(), {}}, key());
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QStringLiteral("was not added")));
        QVERIFY(!result.error().message.contains(QString::fromLatin1(kKey)));
        QCOMPARE(m_catalog->rowCount(QStringLiteral("providers")), 0);
        QCOMPARE(added.count(), 0);
    }

    void setModelsStampsAListing()
    {
        QVERIFY(m_providers->add({QStringLiteral("local"), QStringLiteral("ollama"), QString(), {}}).ok());
        m_catalog->clock.advanceSecs(300);
        auto listed = m_providers->setModels(
            QStringLiteral("local"), {QStringLiteral("llama3.1:8b"), QStringLiteral("llama3.1:8b")}, true);
        QVERIFY(listed.ok());
        QCOMPARE(listed->models, QStringList {QStringLiteral("llama3.1:8b")});
        QCOMPARE(listed->modelsRefreshed, m_catalog->clock.now());
        auto byHand = m_providers->setModels(QStringLiteral("local"), {QStringLiteral("qwen2.5")}, false);
        QVERIFY(byHand.ok());
        QVERIFY(!byHand->modelsRefreshed.isValid());
        QCOMPARE(*m_providers->find(QStringLiteral("local")), *byHand);
    }

    void updateRenamesIntoAliases()
    {
        QVERIFY(m_providers->add({QStringLiteral("local"), QStringLiteral("ollama"), QString(), {}}).ok());
        AliasService aliases(m_catalog->catalog, QStringLiteral("test:admin"));
        QVERIFY(aliases.add(QStringLiteral("fast"), {{QStringLiteral("local"), QStringLiteral("llama3")}}).ok());
        QSignalSpy updated(m_providers.get(), &ProviderService::providerUpdated);
        auto renamed = m_providers->update(QStringLiteral("local"),
            {QStringLiteral("home"), QStringLiteral("ollama"), QStringLiteral("http://127.0.0.1:11434"), {}});
        QVERIFY2(renamed.ok(), qPrintable(renamed.ok() ? QString() : renamed.error().toString()));
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.first().at(0).toString(), QStringLiteral("local"));
        QCOMPARE(aliases.find(QStringLiteral("fast"))->targets.first().provider, QStringLiteral("home"));
    }

    void removeDeletesTheKeyAndIsRefusedWhileAliased()
    {
        auto provider = m_providers->add({QStringLiteral("gpt"), QStringLiteral("openai"), QString(), {}}, key());
        QVERIFY(provider.ok());
        const QString entry = *m_providers->secretKey(provider->id);
        QVERIFY(entry.startsWith(QStringLiteral("gatehouse/") + *m_catalog->catalog.catalogId() + u'/'));
        QVERIFY(entry.endsWith(QStringLiteral("/provider/%1").arg(provider->id)));
        AliasService aliases(m_catalog->catalog, QStringLiteral("test:admin"));
        QVERIFY(aliases.add(QStringLiteral("smart"), {{QStringLiteral("gpt"), QStringLiteral("gpt-4o")}}).ok());

        auto refused = m_providers->remove(QStringLiteral("gpt"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Conflict);
        QVERIFY(refused.error().message.contains(QStringLiteral("smart")));
        QVERIFY(m_store->read(entry)->has_value());

        QVERIFY(aliases.remove(QStringLiteral("smart")).ok());
        QSignalSpy removed(m_providers.get(), &ProviderService::providerRemoved);
        QVERIFY(m_providers->remove(QStringLiteral("gpt")).ok());
        QCOMPARE(removed.count(), 1);
        QVERIFY(!m_store->read(entry)->has_value());
        QCOMPARE(m_providers->find(QStringLiteral("gpt")).error().kind, Error::Kind::NotFound);

        auto trail = m_catalog->audit.list();
        QStringList actions;
        for (const AuditEvent& event : *trail)
            actions.append(event.action);
        QVERIFY(actions.contains(QStringLiteral("provider.add")));
        QVERIFY(actions.contains(QStringLiteral("provider.key.set")));
        QVERIFY(actions.contains(QStringLiteral("provider.remove")));
    }

    void replaceAndClearKey()
    {
        QVERIFY(m_providers->add({QStringLiteral("local"), QStringLiteral("ollama"), QString(), {}}).ok());
        auto set = m_providers->setKey(QStringLiteral("local"), key("first"));
        QVERIFY(set.ok() && set->hasKey);
        QVERIFY(m_providers->setKey(QStringLiteral("local"), key("second")).ok());
        QCOMPARE((*m_providers->readKey(*set))->view(), QByteArrayView("second"));
        auto cleared = m_providers->clearKey(QStringLiteral("local"));
        QVERIFY(cleared.ok() && !cleared->hasKey);
        QVERIFY(!m_store->read(*m_providers->secretKey(set->id))->has_value());
    }

    void catalogIdIsAUuidMadeOnce()
    {
        auto id = m_catalog->catalog.catalogId();
        QVERIFY(id.ok());
        QVERIFY(!QUuid::fromString(*id).isNull());
        QCOMPARE(QUuid::fromString(*id).version(), QUuid::Random);
        const QString path = m_catalog->filePath();
        m_catalog->catalog.close();
        QVERIFY(m_catalog->catalog.open(path).ok());
        QCOMPARE(*m_catalog->catalog.catalogId(), *id);
        test::TestCatalog other;
        QVERIFY(*other.catalog.catalogId() != *id);
    }
};

QTEST_GUILESS_MAIN(TestProviderService)
#include "TestProviderService.moc"
