#pragma once

#include "core/ai/ResponseTranslator.h"
#include "core/common/Result.h"

#include <functional>

namespace gatehouse {

// The whole-response translator: collects the upstream body and converts it once it is complete. A 2xx body goes
// through `convert` (the provider's response to a chat.completion, filling in usage); any other status becomes an
// OpenAI-format error through OpenAiError::fromUpstream, whatever the provider's error shape.
class BufferedTranslator : public ResponseTranslator
{
public:
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
};

} // namespace gatehouse
