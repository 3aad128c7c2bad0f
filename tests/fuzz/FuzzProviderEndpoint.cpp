// What the native AI routes decide from a client's bytes: the endpoint a method and path name, the model a body
// names, and the body sent on with stream_options.include_usage. A model taken from either is always one that
// modelNameError() accepts (so it can go into a header or a log), and asking for usage twice changes nothing more.
#include "core/ai/ProviderEndpoint.h"
#include "core/ai/StreamUsageOption.h"
#include "tests/fuzz/FuzzInput.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using gatehouse::ProviderEndpoint;
using gatehouse::withStreamUsage;
using gatehouse::fuzz::require;

namespace {

constexpr const char* kTypes[] = {"openai", "anthropic", "gemini", "mistral", "ollama", "openai-compatible"};
constexpr const char* kMethods[] = {"GET", "POST", "DELETE", "PUT", "PATCH", "HEAD"};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView input(data + 1, qsizetype(size - 1));
    const QString type = QString::fromLatin1(kTypes[data[0] % std::size(kTypes)]);
    const QByteArrayView method(kMethods[(data[0] / std::size(kTypes)) % std::size(kMethods)]);

    // The input as a path (up to its first newline) and a body (after it).
    const qsizetype newline = input.indexOf('\n');
    const QByteArrayView path = newline < 0 ? input : input.first(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.sliced(newline + 1).toByteArray();

    const ProviderEndpoint endpoint = ProviderEndpoint::classify(type, method, path);
    if (endpoint.modelSource == ProviderEndpoint::ModelSource::Path)
        require(ProviderEndpoint::modelNameError(endpoint.pathModel).isEmpty(), "a path model is a safe name");
    if (endpoint.kind == ProviderEndpoint::Kind::Unknown || endpoint.kind == ProviderEndpoint::Kind::Admin)
        require(endpoint.modelSource == ProviderEndpoint::ModelSource::None, "no model outside inference and listing");

    const auto model = ProviderEndpoint::bodyModel(body);
    if (model)
        require(ProviderEndpoint::modelNameError(*model).isEmpty(), "a body model is a safe name");

    if (const auto asked = withStreamUsage(body)) {
        require(!withStreamUsage(*asked).has_value(), "asking for usage twice changes nothing more");
        // The model the provider reads stays the one that was authorized.
        const auto after = ProviderEndpoint::bodyModel(*asked);
        require(bool(model) == bool(after) && (!model || *model == *after), "the body's model is left as it was");
    }
    return 0;
}
