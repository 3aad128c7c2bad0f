#pragma once

#include <QByteArray>

#include <optional>

namespace gatehouse {

// For the native AI routes' OpenAI-style streams: the usage only comes in a last chunk when the request asks for it
// with stream_options.include_usage, and the gateway needs it for the token's budgets. The caller decides by
// provider type (Mistral refuses unknown members and reports usage anyway, so its bodies are left alone).
//
// Returns `body` with stream_options.include_usage set to true when the body is a JSON object with "stream": true
// and does not already ask for usage; std::nullopt when there is nothing to change (no stream, usage already asked
// for, or a body the provider will refuse on its own: not JSON, stream_options neither an object nor null).
// The body is edited in place, not re-serialised: the client's member order, spacing and numbers (a seed beyond
// 2^53 would not survive a double) stay as they were. Where a member is given twice, every copy is edited, so that
// the provider reads include_usage true whichever copy its parser keeps.
std::optional<QByteArray> withStreamUsage(const QByteArray& body);

} // namespace gatehouse
