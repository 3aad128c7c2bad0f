#include "tests/ui/support/ConsoleFixture.h"

namespace gatehouse::test {

ConsoleFixture::ConsoleFixture()
    : services(t.catalog, t.clock, QStringLiteral("console:test"))
{ }

} // namespace gatehouse::test
