#include "core/ai/BufferedTranslator.h"

#include "core/ai/OpenAiError.h"

namespace gatehouse {

BufferedTranslator::BufferedTranslator(int upstreamStatus, QString provider, Converter convert)
    : m_upstreamStatus(upstreamStatus)
    , m_provider(std::move(provider))
    , m_convert(std::move(convert))
{
    m_clientStatus = upstreamStatus >= 200 && upstreamStatus < 300
        ? 200
        : OpenAiError::fromUpstream(upstreamStatus, OpenAiError::UpstreamError(), m_provider).status;
}

QByteArray BufferedTranslator::feed(QByteArrayView upstreamBytes)
{
    if (m_tooLarge)
        return {};
    if (upstreamBytes.size() > kMaxBodyBytes - m_body.size()) {
        m_tooLarge = true;
        m_body = {}; // freed now, not when the rest has passed
        return {};
    }
    m_body.append(upstreamBytes);
    return {};
}

QByteArray BufferedTranslator::finish()
{
    if (m_tooLarge) {
        const QString message = QStringLiteral("%1 sent a response larger than the %2 MiB the gateway can translate")
                                    .arg(m_provider)
                                    .arg(kMaxBodyBytes >> 20);
        // An error answer keeps its status (a 429 stays one to retry); a 2xx one the gateway could not read is a 502.
        m_clientStatus = m_upstreamStatus < 200 || m_upstreamStatus >= 300
            ? OpenAiError::fromUpstream(m_upstreamStatus, OpenAiError::UpstreamError(), m_provider).status
            : 502;
        m_usage = {};
        setError(message);
        return OpenAiError::body(message, "upstream_error");
    }
    if (m_upstreamStatus < 200 || m_upstreamStatus >= 300) {
        const OpenAiError::Mapped mapped = OpenAiError::fromUpstream(m_upstreamStatus, m_body, m_provider);
        m_clientStatus = mapped.status;
        setError(mapped.message);
        return mapped.body;
    }
    Result<QByteArray> converted = m_convert(m_body, m_usage);
    if (!converted) {
        const QString message = QStringLiteral("%1 sent a response the gateway could not read: %2")
                                    .arg(m_provider, converted.error().message);
        m_clientStatus = 502;
        m_usage = {};
        setError(message);
        return OpenAiError::body(message, "upstream_error");
    }
    m_clientStatus = 200;
    return std::move(converted).value();
}

QByteArray BufferedTranslator::fail(const QString& reason)
{
    const QString message = QStringLiteral("%1 failed before its response was complete: %2").arg(m_provider, reason);
    m_clientStatus = 502;
    setError(message);
    return OpenAiError::body(message, "upstream_error");
}

} // namespace gatehouse
