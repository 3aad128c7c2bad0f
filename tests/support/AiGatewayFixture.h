#pragma once

#include "core/catalog/AliasService.h"
#include "core/catalog/ProviderService.h"
#include "core/secrets/EncryptedFileSecretStore.h"
#include "tests/support/GatewayHarness.h"
#include "tests/support/upstreams/ProviderUpstream.h"

#include <QByteArray>
#include <QTemporaryDir>

#include <memory>

namespace gatehouse::test {

// A running gateway with two loopback AI providers, for tests of the AI routes: "claude" speaks Anthropic's
// Messages format and offers claude-sonnet-4-5, "gemini" speaks Gemini's and offers gemini-2.0-flash. Their keys
// are in a real encrypted secret store, and start() returns only once the engine has read them.
class AiGatewayFixture
{
public:
    static inline const QByteArray kAnthropicKey = QByteArrayLiteral("sk-ant-api03-test-key-never-logged");
    static inline const QByteArray kGeminiKey = QByteArrayLiteral("AIza-test-gemini-key-never-logged");

    // Null, after a warning saying why, if any part did not start.
    static std::unique_ptr<AiGatewayFixture> start();

    ProviderUpstream anthropic;
    ProviderUpstream gemini;
    // Before the gateway, so that the engine is stopped before the store it reads keys from goes away.
    QTemporaryDir secretsDir;
    std::unique_ptr<secrets::EncryptedFileSecretStore> store;
    GatewayHarness gateway;
    std::unique_ptr<ProviderService> providers;
    std::unique_ptr<AliasService> aliases;
};

} // namespace gatehouse::test
