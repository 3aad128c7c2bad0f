// AliasService over a real SQLite catalog.

#include "core/catalog/AliasService.h"
#include "core/catalog/ProviderService.h"
#include "tests/support/TestCatalog.h"

#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;

class TestAliasService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestCatalog> m_catalog;
    std::unique_ptr<AliasService> m_aliases;

private Q_SLOTS:
    void init()
    {
        m_catalog = std::make_unique<test::TestCatalog>();
        QVERIFY(m_catalog->isReady());
        ProviderService providers(m_catalog->catalog, QStringLiteral("test:admin"));
        QVERIFY(providers.add({QStringLiteral("local"), QStringLiteral("ollama"), QString(), {}}).ok());
        QVERIFY(providers
                    .add({QStringLiteral("lab"), QStringLiteral("openai-compatible"),
                        QStringLiteral("http://127.0.0.1:8000/v1"), {}})
                    .ok());
        m_aliases = std::make_unique<AliasService>(m_catalog->catalog, QStringLiteral("test:admin"));
    }
    void cleanup()
    {
        m_aliases.reset();
        m_catalog.reset();
    }

    void parsesTargets()
    {
        auto simple = AliasService::parseTarget(u"local/llama3.1:8b");
        QVERIFY(simple.ok());
        QCOMPARE(simple->provider, QStringLiteral("local"));
        QCOMPARE(simple->model, QStringLiteral("llama3.1:8b"));
        // The model keeps any further slashes.
        auto nested = AliasService::parseTarget(u"lab/meta-llama/Llama-3.1-8B");
        QVERIFY(nested.ok());
        QCOMPARE(nested->provider, QStringLiteral("lab"));
        QCOMPARE(nested->model, QStringLiteral("meta-llama/Llama-3.1-8B"));
        for (QStringView bad : {u"", u"llama3", u"/model", u"local/", u"Bad Provider/x", u"local/a b"})
            QVERIFY2(!AliasService::parseTarget(bad).ok(), qPrintable(bad.toString()));
    }

    void addsListsAndRemoves()
    {
        QSignalSpy added(m_aliases.get(), &AliasService::aliasAdded);
        QSignalSpy removed(m_aliases.get(), &AliasService::aliasRemoved);
        const qint64 before = m_catalog->revision();
        auto alias = m_aliases->add(QStringLiteral("fast"),
            {{QStringLiteral("local"), QStringLiteral("llama3")}, {QStringLiteral("lab"), QStringLiteral("qwen")}});
        QVERIFY2(alias.ok(), qPrintable(alias.ok() ? QString() : alias.error().toString()));
        QCOMPARE(alias->targets.size(), 2);
        QCOMPARE(alias->targets.at(1).toString(), QStringLiteral("lab/qwen"));
        QCOMPARE(added.count(), 1);
        QCOMPARE(m_catalog->revision(), before + 1);
        auto listed = m_aliases->list();
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first(), *alias);

        QVERIFY(m_aliases->remove(QStringLiteral("fast")).ok());
        QCOMPARE(removed.count(), 1);
        QCOMPARE(m_aliases->remove(QStringLiteral("fast")).error().kind, Error::Kind::NotFound);
        QCOMPARE(m_catalog->audit.list()->first().action, QStringLiteral("alias.remove"));
    }

    void refusesBadAliases()
    {
        const ModelTarget good {QStringLiteral("local"), QStringLiteral("llama3")};
        auto unknown = m_aliases->add(QStringLiteral("x"), {{QStringLiteral("nobody"), QStringLiteral("m")}});
        QCOMPARE(unknown.error().kind, Error::Kind::NotFound);
        QVERIFY(unknown.error().message.contains(QStringLiteral("nobody")));
        QCOMPARE(m_aliases->add(QStringLiteral("x"), {}).error().kind, Error::Kind::InvalidInput);
        QCOMPARE(m_aliases->add(QStringLiteral("Bad Name"), {good}).error().field, QStringLiteral("name"));
        QCOMPARE(m_aliases->add(QStringLiteral("x"), {good, good}).error().kind, Error::Kind::InvalidInput);
        QVERIFY(m_aliases->add(QStringLiteral("x"), {good}).ok());
        QCOMPARE(m_aliases->add(QStringLiteral("x"), {good}).error().kind, Error::Kind::Conflict);
        QCOMPARE(m_catalog->rowCount(QStringLiteral("model_aliases")), 1);
    }
};

QTEST_GUILESS_MAIN(TestAliasService)
#include "TestAliasService.moc"
