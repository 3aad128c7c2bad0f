// The request-target normaliser on arbitrary bytes: its invariants (RequestPathInvariants.h), and that a leading
// "//", which forces the slow path, gives the same answer as the fast path.
#include "core/gateway/RequestPath.h"
#include "tests/fuzz/RequestPathInvariants.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using gatehouse::gateway::RequestPath;
    const QByteArrayView target(data, qsizetype(size));
    gatehouse::fuzz::checkRequestPath(target);
    if (target.startsWith('/') && target.size() < RequestPath::kMaxTargetBytes) {
        const QByteArray merged = '/' + target.toByteArray();
        gatehouse::fuzz::require(
            RequestPath::normalize(merged) == RequestPath::normalize(target), "fast and slow path agree");
    }
    return 0;
}
