#include "tests/support/AiGatewayFixture.h"

#include <QTest>

namespace gatehouse::test {

std::unique_ptr<AiGatewayFixture> AiGatewayFixture::start()
{
    auto s = std::make_unique<AiGatewayFixture>();
    if (!s->anthropic.start() || !s->gemini.start() || !s->gateway.catalog.isReady()) {
        qWarning("the loopback providers or the catalog did not start");
        return nullptr;
    }
    s->store = std::make_unique<secrets::EncryptedFileSecretStore>(
        s->secretsDir.path(), SecretBytes(QByteArrayLiteral("a test passphrase")));
    s->store->setCost({10, 8, 1}); // a fast scrypt: the tests are about the gateway
    s->providers = std::make_unique<ProviderService>(s->gateway.catalog.catalog, QStringLiteral("test"));
    s->providers->setSecretStore(s->store.get());
    s->aliases = std::make_unique<AliasService>(s->gateway.catalog.catalog, QStringLiteral("test"));
    auto claude = s->providers->add({QStringLiteral("claude"), QStringLiteral("anthropic"),
                                        s->anthropic.url().toString(), {QStringLiteral("claude-sonnet-4-5")}},
        SecretBytes(kAnthropicKey));
    auto gemini = s->providers->add({QStringLiteral("gemini"), QStringLiteral("gemini"), s->gemini.url().toString(),
                                        {QStringLiteral("gemini-2.0-flash")}},
        SecretBytes(kGeminiKey));
    if (!claude || !gemini) {
        qWarning() << (claude ? gemini.error().toString() : claude.error().toString());
        return nullptr;
    }
    s->gateway.engine.setSecretStore(s->store.get());
    if (!s->gateway.start())
        return nullptr;
    // The keys are read asynchronously and the snapshot published again once they are in.
    if (!QTest::qWaitFor(
            [&] {
                const auto snapshot = s->gateway.engine.snapshot();
                const auto* p = snapshot ? snapshot->ai().provider(u"gemini") : nullptr;
                return p && !p->apiKey.isEmpty() && !snapshot->ai().provider(u"claude")->apiKey.isEmpty();
            },
            5000)) {
        qWarning("the engine did not read the providers' keys");
        return nullptr;
    }
    return s;
}

} // namespace gatehouse::test
