#pragma once

#include <QtGlobal>

namespace gatehouse {

// The token counts of one AI request, as the provider reported them. `reported` is false when the provider said
// nothing (an error, a stream cut short, or an upstream that ignores stream_options.include_usage).
// `estimated` is true when the counts are not the provider's but guessed from the body sizes (NativeUsageReader does
// so for a 2xx answer that spent tokens without saying how many): still to be debited, and shown as an estimate.
struct AiUsage
{
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    bool reported = false;
    bool estimated = false;

    qint64 totalTokens() const { return promptTokens + completionTokens; }
};

} // namespace gatehouse
