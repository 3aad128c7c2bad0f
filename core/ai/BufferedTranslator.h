#pragma once

#include "core/ai/ResponseTranslator.h"
#include "core/common/Result.h"

#include <functional>

namespace gatehouse {

// The whole-response translator: collects the upstream body and converts it once it is complete. A 2xx body goes
// through `convert` (the provider's response to a chat.completion, filling in usage); any other status becomes an
// OpenAI-format error through OpenAiError::fromUpstream, whatever the provider's error shape.
// The body is held whole until it ends, so it is capped: past kMaxBodyBytes the translator stops collecting and
// finish() answers with an error (a 502 for a 2xx answer) instead of holding a provider's runaway answer in memory.
class BufferedTranslator : public ResponseTranslator
{
public:
    // Far above any chat answer (a long completion is a few hundred KiB, a JSON answer with images a few MiB).
    static constexpr qsizetype kMaxBodyBytes = 32 << 20;

    using Converter = std::function<Result<QByteArray>(const QByteArray& body, AiUsage& usage)>;

    BufferedTranslator(int upstreamStatus, QString provider, Converter convert);

    bool isStreaming() const override { return false; }
    QByteArray feed(QByteArrayView upstreamBytes) override;
    QByteArray finish() override;
    QByteArray fail(const QString& reason) override;

private:
    int m_upstreamStatus;
    QString m_provider;
    Converter m_convert;
    QByteArray m_body;
    bool m_tooLarge = false; // the body went past kMaxBodyBytes: what came was dropped
};

} // namespace gatehouse
