#include "tests/ui/support/ConsoleFixture.h"

namespace gatehouse::test {

ConsoleFixture::ConsoleFixture()
    : services(t.catalog, t.clock, QStringLiteral("console:test"))
{
    // The console's rule for provider keys, minus the keychain: a GUI test has no Secret Service
    // session, and must not write to the user's. Tests that store keys inject an encrypted file.
    secrets::SecretStoreSelector::Options options;
    options.allowKeychain = false;
    services.useSecretStoreSelection(secrets::SecretStoreSelector::select(t.directory(), options));
}

} // namespace gatehouse::test
