#include "core/tokens/ScopeSet.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse::tokens;

class TestScope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidScopes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<int>("kind");
        QTest::newRow("api all") << QStringLiteral("api:billing") << QStringLiteral("api:billing")
                                 << int(Scope::Kind::Api);
        QTest::newRow("api read") << QStringLiteral("api:billing:read") << QStringLiteral("api:billing:read")
                                  << int(Scope::Kind::Api);
        QTest::newRow("api write") << QStringLiteral("api:v2-orders:write") << QStringLiteral("api:v2-orders:write")
                                   << int(Scope::Kind::Api);
        QTest::newRow("digit first, 63 chars")
            << QString(QStringLiteral("api:9") + QString(62, u'a'))
            << QString(QStringLiteral("api:9") + QString(62, u'a')) << int(Scope::Kind::Api);
        QTest::newRow("surrounding space")
            << QStringLiteral("  api:billing ") << QStringLiteral("api:billing") << int(Scope::Kind::Api);
        QTest::newRow("ai everything") << QStringLiteral("ai:*") << QStringLiteral("ai:*") << int(Scope::Kind::Ai);
        QTest::newRow("ai provider") << QStringLiteral("ai:openai/*") << QStringLiteral("ai:openai/*")
                                     << int(Scope::Kind::Ai);
        QTest::newRow("ai glob") << QStringLiteral("ai:openai/gpt-4o*") << QStringLiteral("ai:openai/gpt-4o*")
                                 << int(Scope::Kind::Ai);
        QTest::newRow("ai exact") << QStringLiteral("ai:anthropic/claude-3-opus-20240229")
                                  << QStringLiteral("ai:anthropic/claude-3-opus-20240229") << int(Scope::Kind::Ai);
        QTest::newRow("ai model with slash and tag")
            << QStringLiteral("ai:ollama/library/llama3:8b@q4") << QStringLiteral("ai:ollama/library/llama3:8b@q4")
            << int(Scope::Kind::Ai);
        QTest::newRow("ai 200-char model")
            << QString(QStringLiteral("ai:x/") + QString(200, u'M'))
            << QString(QStringLiteral("ai:x/") + QString(200, u'M')) << int(Scope::Kind::Ai);
        QTest::newRow("ai admin") << QStringLiteral("ai:openai:admin") << QStringLiteral("ai:openai:admin")
                                  << int(Scope::Kind::AiAdmin);
        QTest::newRow("ai admin, spaces") << QStringLiteral(" ai:my-ollama:admin\t")
                                          << QStringLiteral("ai:my-ollama:admin") << int(Scope::Kind::AiAdmin);
        QTest::newRow("ai model named admin")
            << QStringLiteral("ai:openai/admin") << QStringLiteral("ai:openai/admin") << int(Scope::Kind::Ai);
        QTest::newRow("ai model with :admin tag")
            << QStringLiteral("ai:ollama/x:admin") << QStringLiteral("ai:ollama/x:admin") << int(Scope::Kind::Ai);
    }

    void parsesValidScopes()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QFETCH(int, kind);
        const auto scope = Scope::parse(text);
        QVERIFY2(scope.ok(), qPrintable(scope.ok() ? QString() : scope.error().toString()));
        QCOMPARE(int(scope->kind), kind);
        QCOMPARE(scope->toString(), canonical);
        const auto again = Scope::parse(scope->toString());
        QVERIFY(again.ok());
        QCOMPARE(*again, *scope);
    }

    void parsedFields()
    {
        const auto read = Scope::parse(u"api:billing:read");
        QCOMPARE(read->api, QStringLiteral("billing"));
        QCOMPARE(read->access, Scope::Access::Read);
        const auto glob = Scope::parse(u"ai:openai/gpt-4o*");
        QCOMPARE(glob->provider, QStringLiteral("openai"));
        QCOMPARE(glob->modelGlob, QStringLiteral("gpt-4o*"));
        QCOMPARE(Scope::parse(u"ai:*")->provider, QStringLiteral("*"));
        const auto admin = Scope::parse(u"ai:openai:admin");
        QCOMPARE(admin->kind, Scope::Kind::AiAdmin);
        QCOMPARE(admin->provider, QStringLiteral("openai"));
        QVERIFY(admin->modelGlob.isEmpty());
        // Neither the model scope of the same provider nor ai:* is the same scope.
        QVERIFY(!(*admin == *Scope::parse(u"ai:openai/*")));
        QVERIFY(!(*admin == *Scope::parse(u"ai:openai/admin")));
        QVERIFY(!(*admin == *Scope::parse(u"ai:*")));
        QVERIFY(*admin == *Scope::parse(u"ai:openai:admin "));
    }

    void rejectsInvalidScopes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason"); // a fragment the message must contain
        QTest::newRow("empty") << QString() << QStringLiteral("cannot be empty");
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("cannot be empty");
        QTest::newRow("no kind") << QStringLiteral("billing") << QStringLiteral("api: or ai:");
        QTest::newRow("upper-case kind") << QStringLiteral("API:billing") << QStringLiteral("api: or ai:");
        QTest::newRow("api without name") << QStringLiteral("api:") << QStringLiteral("API names");
        QTest::newRow("upper-case api") << QStringLiteral("api:Billing") << QStringLiteral("API names");
        QTest::newRow("leading dash") << QStringLiteral("api:-billing") << QStringLiteral("API names");
        QTest::newRow("underscore") << QStringLiteral("api:my_api") << QStringLiteral("API names");
        QTest::newRow("64-char name") << QString(QStringLiteral("api:") + QString(64, u'a'))
                                      << QStringLiteral("API names");
        QTest::newRow("unknown access") << QStringLiteral("api:billing:delete") << QStringLiteral("read or write");
        QTest::newRow("empty access") << QStringLiteral("api:billing:") << QStringLiteral("read or write");
        QTest::newRow("access in capitals") << QStringLiteral("api:billing:READ") << QStringLiteral("read or write");
        QTest::newRow("inner space") << QStringLiteral("api:bill ing") << QStringLiteral("API names");
        QTest::newRow("ai without model") << QStringLiteral("ai:openai") << QStringLiteral("ai:<provider>/<model>");
        QTest::newRow("ai empty") << QStringLiteral("ai:") << QStringLiteral("ai:<provider>/<model>");
        QTest::newRow("ai empty model") << QStringLiteral("ai:openai/") << QStringLiteral("1 to 200");
        QTest::newRow("ai 201-char model")
            << QString(QStringLiteral("ai:x/") + QString(201, u'M')) << QStringLiteral("1 to 200");
        QTest::newRow("ai provider star") << QStringLiteral("ai:*/gpt-4o") << QStringLiteral("provider names");
        QTest::newRow("ai upper-case provider") << QStringLiteral("ai:OpenAI/*") << QStringLiteral("provider names");
        QTest::newRow("ai model with space") << QStringLiteral("ai:openai/gpt 4") << QStringLiteral("may hold only");
        QTest::newRow("ai model with bracket") << QStringLiteral("ai:openai/gpt[4]") << QStringLiteral("may hold only");
        QTest::newRow("ai without model names admin")
            << QStringLiteral("ai:openai") << QStringLiteral("ai:<provider>:admin");
        QTest::newRow("ai unknown access") << QStringLiteral("ai:x:root") << QStringLiteral("only :admin");
        QTest::newRow("ai unknown access names forms") << QStringLiteral(
            "ai:x:root") << QStringLiteral("ai:<provider>/<model>, ai:<provider>/*, ai:<provider>:admin");
        QTest::newRow("ai admin in capitals") << QStringLiteral("ai:x:ADMIN") << QStringLiteral("only :admin");
        QTest::newRow("ai empty access") << QStringLiteral("ai:x:") << QStringLiteral("only :admin");
        QTest::newRow("ai admin with model") << QStringLiteral("ai:x:admin/gpt-4o") << QStringLiteral("only :admin");
        QTest::newRow("ai admin twice") << QStringLiteral("ai:x:admin:admin") << QStringLiteral("only :admin");
        QTest::newRow("ai admin of every provider") << QStringLiteral("ai:*:admin") << QStringLiteral("one provider");
        QTest::newRow("ai admin without provider") << QStringLiteral("ai::admin") << QStringLiteral("provider names");
        QTest::newRow("ai admin upper-case provider")
            << QStringLiteral("ai:OpenAI:admin") << QStringLiteral("provider names");
        QTest::newRow("ai admin glob provider") << QStringLiteral("ai:open*:admin") << QStringLiteral("provider names");
    }

    void rejectsInvalidScopes()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const auto scope = Scope::parse(text);
        QVERIFY(!scope.ok());
        QCOMPARE(scope.error().kind, Error::Kind::InvalidInput);
        QCOMPARE(scope.error().field, QStringLiteral("scope"));
        QVERIFY2(scope.error().message.contains(reason), qPrintable(scope.error().message));
        if (!text.trimmed().isEmpty()) // the message names the text at fault
            QVERIFY2(scope.error().message.contains(text.trimmed()), qPrintable(scope.error().message));
    }

    // Every method against every form of api: scope, including the scope a denial asks for.
    void allowsApi_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("missing");
        const QByteArray reads[] = {"GET", "HEAD", "OPTIONS"};
        const QByteArray writes[] = {"POST", "PUT", "PATCH", "DELETE", "get", "TRACE", ""};
        const QString needRead = QStringLiteral("api:billing:read");
        const QString needWrite = QStringLiteral("api:billing:write");
        for (const QByteArray& m : reads) {
            const char* name = m.constData();
            QTest::addRow("api:billing %s", name) << QStringLiteral("api:billing") << m << true << QString();
            QTest::addRow("read %s", name) << QStringLiteral("api:billing:read") << m << true << QString();
            QTest::addRow("write %s", name) << QStringLiteral("api:billing:write") << m << true << QString();
            QTest::addRow("other api %s", name) << QStringLiteral("api:orders") << m << false << needRead;
            QTest::addRow("ai:* %s", name) << QStringLiteral("ai:*") << m << false << needRead;
        }
        for (const QByteArray& m : writes) {
            const char* name = m.isEmpty() ? "(empty)" : m.constData();
            QTest::addRow("api:billing %s", name) << QStringLiteral("api:billing") << m << true << QString();
            QTest::addRow("read %s", name) << QStringLiteral("api:billing:read") << m << false << needWrite;
            QTest::addRow("write %s", name) << QStringLiteral("api:billing:write") << m << true << QString();
            QTest::addRow("other api %s", name) << QStringLiteral("api:orders:write") << m << false << needWrite;
            QTest::addRow("prefix api %s", name) << QStringLiteral("api:bill") << m << false << needWrite;
        }
    }

    void allowsApi()
    {
        QFETCH(QString, scope);
        QFETCH(QByteArray, method);
        QFETCH(bool, allowed);
        QFETCH(QString, missing);
        const auto set = ScopeSet::parse({scope});
        QVERIFY(set.ok());
        const ScopeDecision decision = set->allowsApi(u"billing", method);
        QCOMPARE(decision.allowed, allowed);
        QCOMPARE(decision.missingScope, missing);
    }

    void allowsApiWithSeveralScopes()
    {
        const auto set = ScopeSet::parse({QStringLiteral("api:orders:read"), QStringLiteral("api:billing:write")});
        QVERIFY(set.ok());
        QVERIFY(set->allowsApi(u"orders", "GET").allowed);
        QCOMPARE(set->allowsApi(u"orders", "POST").missingScope, QStringLiteral("api:orders:write"));
        QVERIFY(set->allowsApi(u"billing", "DELETE").allowed);
        QVERIFY(!ScopeSet().allowsApi(u"billing", "GET").allowed);
    }

    void allowsModel_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("allowed");
        const QString openai = QStringLiteral("openai");
        const QString anthropic = QStringLiteral("anthropic");
        QTest::newRow("ai:* openai") << QStringLiteral("ai:*") << openai << QStringLiteral("gpt-4o") << true;
        QTest::newRow("ai:* any provider")
            << QStringLiteral("ai:*") << QStringLiteral("ollama") << QStringLiteral("llama3:8b") << true;
        QTest::newRow("provider star") << QStringLiteral("ai:openai/*") << openai << QStringLiteral("o1-mini") << true;
        QTest::newRow("provider star, other provider")
            << QStringLiteral("ai:openai/*") << anthropic << QStringLiteral("claude-3-opus") << false;
        QTest::newRow("glob exact stem") << QStringLiteral("ai:openai/gpt-4o*") << openai << QStringLiteral("gpt-4o")
                                         << true;
        QTest::newRow("glob longer") << QStringLiteral("ai:openai/gpt-4o*") << openai
                                     << QStringLiteral("gpt-4o-mini-2024-07-18") << true;
        QTest::newRow("glob other model")
            << QStringLiteral("ai:openai/gpt-4o*") << openai << QStringLiteral("gpt-4") << false;
        QTest::newRow("glob is anchored")
            << QStringLiteral("ai:openai/gpt-4o*") << openai << QStringLiteral("ft:gpt-4o") << false;
        QTest::newRow("glob is case-sensitive")
            << QStringLiteral("ai:openai/gpt-4o*") << openai << QStringLiteral("GPT-4o") << false;
        QTest::newRow("question mark") << QStringLiteral("ai:anthropic/claude-?-opus") << anthropic
                                       << QStringLiteral("claude-3-opus") << true;
        QTest::newRow("question mark needs one")
            << QStringLiteral("ai:anthropic/claude-?-opus") << anthropic << QStringLiteral("claude--opus") << false;
        QTest::newRow("question mark only one")
            << QStringLiteral("ai:anthropic/claude-?-opus") << anthropic << QStringLiteral("claude-35-opus") << false;
        QTest::newRow("question mark, suffix") << QStringLiteral("ai:anthropic/claude-?-opus") << anthropic
                                               << QStringLiteral("claude-3-opus-latest") << false;
        QTest::newRow("inner star backtracks")
            << QStringLiteral("ai:x/a*b*c") << QStringLiteral("x") << QStringLiteral("aXbYbZc") << true;
        QTest::newRow("inner star no match")
            << QStringLiteral("ai:x/a*b*c") << QStringLiteral("x") << QStringLiteral("aXbYcZ") << false;
        QTest::newRow("exact") << QStringLiteral("ai:openai/gpt-4") << openai << QStringLiteral("gpt-4") << true;
        QTest::newRow("exact, longer model")
            << QStringLiteral("ai:openai/gpt-4") << openai << QStringLiteral("gpt-4o") << false;
        QTest::newRow("api scope is not ai")
            << QStringLiteral("api:openai") << openai << QStringLiteral("gpt-4o") << false;
        // The admin scope grants no model, not even one called "admin".
        QTest::newRow("admin scope is no model")
            << QStringLiteral("ai:openai:admin") << openai << QStringLiteral("gpt-4o") << false;
        QTest::newRow("admin scope is not model admin")
            << QStringLiteral("ai:openai:admin") << openai << QStringLiteral("admin") << false;
        QTest::newRow("admin scope, empty model") << QStringLiteral("ai:openai:admin") << openai << QString() << false;
    }

    void allowsModel()
    {
        QFETCH(QString, scope);
        QFETCH(QString, provider);
        QFETCH(QString, model);
        QFETCH(bool, allowed);
        const auto set = ScopeSet::parse({scope});
        QVERIFY(set.ok());
        const ScopeDecision decision = set->allowsModel(provider, model);
        QCOMPARE(decision.allowed, allowed);
        QCOMPARE(decision.missingScope, allowed ? QString() : QString(QStringLiteral("ai:") + provider + u'/' + model));
    }

    // Only ai:PROVIDER:admin grants a provider's management endpoints: not ai:*, not ai:PROVIDER/*, not api:.
    void allowsAiAdmin_data()
    {
        QTest::addColumn<QStringList>("scopes");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<bool>("allowed");
        const QString openai = QStringLiteral("openai");
        QTest::newRow("admin") << QStringList {QStringLiteral("ai:openai:admin")} << openai << true;
        QTest::newRow("admin among others") << QStringList {QStringLiteral("api:billing"),
            QStringLiteral("ai:openai/*"), QStringLiteral("ai:openai:admin")}
                                            << openai << true;
        QTest::newRow("admin of another provider")
            << QStringList {QStringLiteral("ai:anthropic:admin")} << openai << false;
        QTest::newRow("admin of a prefix") << QStringList {QStringLiteral("ai:open:admin")} << openai << false;
        QTest::newRow("ai:* is no admin") << QStringList {QStringLiteral("ai:*")} << openai << false;
        QTest::newRow("every model is no admin") << QStringList {QStringLiteral("ai:openai/*")} << openai << false;
        QTest::newRow("model called admin") << QStringList {QStringLiteral("ai:openai/admin")} << openai << false;
        QTest::newRow("api of the same name") << QStringList {QStringLiteral("api:openai:write")} << openai << false;
        QTest::newRow("empty set") << QStringList {} << openai << false;
    }

    void allowsAiAdmin()
    {
        QFETCH(QStringList, scopes);
        QFETCH(QString, provider);
        QFETCH(bool, allowed);
        const ScopeSet set = scopes.isEmpty() ? ScopeSet() : *ScopeSet::parse(scopes);
        const ScopeDecision decision = set.allowsAiAdmin(provider);
        QCOMPARE(decision.allowed, allowed);
        QCOMPARE(decision.missingScope, allowed ? QString() : QString(QStringLiteral("ai:") + provider + u":admin"));
    }

    void adminScopeIsNoApi()
    {
        const auto set = ScopeSet::parse({QStringLiteral("ai:billing:admin")});
        QVERIFY(set.ok());
        QVERIFY(set->apiNames().isEmpty());
        QVERIFY(!set->mentionsApi(u"billing"));
        QVERIFY(!set->allowsApi(u"billing", "GET").allowed);
    }

    void storageRoundTrip()
    {
        const auto set = ScopeSet::parse({QStringLiteral("api:billing:read"), QStringLiteral(" ai:openai/gpt-4o* "),
            QStringLiteral("api:orders"), QStringLiteral("ai:*"), QStringLiteral("ai:openai:admin")});
        QVERIFY(set.ok());
        const QString stored = set->toStorage();
        QCOMPARE(stored, QStringLiteral("api:billing:read ai:openai/gpt-4o* api:orders ai:* ai:openai:admin"));
        QCOMPARE(ScopeSet::fromStorage(stored), *set);
        QCOMPARE(ScopeSet::fromStorage(stored).toStringList(), set->toStringList());
        QCOMPARE(set->toStringList().size(), 5);
    }

    void fromStorageSkipsInvalidEntries()
    {
        const ScopeSet set = ScopeSet::fromStorage(u"  api:billing  API:bad\tapi:orders:read\nnonsense ");
        QCOMPARE(set.toStringList(), QStringList({QStringLiteral("api:billing"), QStringLiteral("api:orders:read")}));
        QVERIFY(ScopeSet::fromStorage(u"").isEmpty());
    }

    void duplicatesRemovedInOrder()
    {
        const auto set = ScopeSet::parse({QStringLiteral("api:orders"), QStringLiteral("api:billing:read"),
            QStringLiteral("api:orders"), QStringLiteral(" api:billing:read"), QStringLiteral("api:billing")});
        QVERIFY(set.ok());
        QCOMPARE(set->toStringList(),
            QStringList(
                {QStringLiteral("api:orders"), QStringLiteral("api:billing:read"), QStringLiteral("api:billing")}));
        QCOMPARE(set->apiNames(), QStringList({QStringLiteral("orders"), QStringLiteral("billing")}));
        QVERIFY(set->mentionsApi(u"billing"));
        QVERIFY(!set->mentionsApi(u"bill"));
        QVERIFY(!set->isEmpty());
    }

    void apiNamesIgnoreAiScopes()
    {
        const auto set = ScopeSet::parse({QStringLiteral("ai:openai/*"), QStringLiteral("api:billing:write")});
        QCOMPARE(set->apiNames(), QStringList {QStringLiteral("billing")});
        QVERIFY(!set->mentionsApi(u"openai"));
    }

    void emptyListRejected()
    {
        const auto set = ScopeSet::parse({});
        QVERIFY(!set.ok());
        QCOMPARE(set.error().field, QStringLiteral("scope"));
        QVERIFY(set.error().message.contains(QStringLiteral("at least one scope is required")));
    }

    void anyInvalidEntryRejectsTheList()
    {
        const auto set = ScopeSet::parse({QStringLiteral("api:billing"), QStringLiteral("api:Bad")});
        QVERIFY(!set.ok());
        QVERIFY(set.error().message.contains(QStringLiteral("\"api:Bad\"")));
    }
};

QTEST_GUILESS_MAIN(TestScope)
#include "TestScope.moc"
