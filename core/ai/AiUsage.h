#pragma once

#include <QtGlobal>

namespace gatehouse {

// The token counts of one AI request, as the provider reported them. `reported` is false when the provider said
// nothing (an error, a stream cut short, or an upstream that ignores stream_options.include_usage).
struct AiUsage
{
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    bool reported = false;

    qint64 totalTokens() const { return promptTokens + completionTokens; }
};

} // namespace gatehouse
