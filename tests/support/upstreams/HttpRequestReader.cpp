#include "tests/support/upstreams/HttpRequestReader.h"

#include "tests/support/upstreams/HeaderFields.h"

namespace gatehouse::test {

namespace {

// Far above anything a test sends; it only stops a broken peer from growing the buffer forever.
constexpr qsizetype MaxHeadSize = 1024 * 1024;

} // namespace

HttpRequestReader::Status HttpRequestReader::read(QByteArray& in)
{
    if (m_stage == Stage::Head) {
        const qsizetype end = in.indexOf("\r\n\r\n");
        if (end < 0)
            return in.size() > MaxHeadSize ? Status::Error : Status::NeedMore;
        const Status status = parseHead(QByteArrayView(in.constData(), end));
        in.remove(0, end + 4);
        if (status == Status::Error)
            return status;
    }
    if (m_stage == Stage::LengthBody) {
        const qsizetype take = qsizetype(qMin<qint64>(m_remaining, in.size()));
        m_request.body.append(in.constData(), take);
        in.remove(0, take);
        m_remaining -= take;
        if (m_remaining == 0)
            m_stage = Stage::Complete;
    } else if (m_stage == Stage::ChunkedBody) {
        switch (m_chunked.decode(in, m_request.body)) {
        case ChunkedDecoder::Status::NeedMore:
            break;
        case ChunkedDecoder::Status::Done:
            m_stage = Stage::Complete;
            break;
        case ChunkedDecoder::Status::Error:
            return Status::Error;
        }
    }
    return m_stage == Stage::Complete ? Status::Complete : Status::NeedMore;
}

LoopbackUpstream::ReceivedRequest HttpRequestReader::takeRequest()
{
    LoopbackUpstream::ReceivedRequest request = std::move(m_request);
    m_request = {};
    m_stage = Stage::Head;
    m_chunked.reset();
    m_remaining = 0;
    m_expectContinue = false;
    return request;
}

HttpRequestReader::Status HttpRequestReader::parseHead(QByteArrayView head)
{
    qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd < 0)
        lineEnd = head.size();
    const QList<QByteArray> parts = head.first(lineEnd).toByteArray().split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return Status::Error;
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")
        return Status::Error;
    const std::optional<HeaderList> headers
        = HeaderFields::parse(lineEnd < head.size() ? head.sliced(lineEnd + 2) : QByteArrayView());
    if (!headers)
        return Status::Error;

    m_request.method = parts[0];
    m_request.target = parts[1];
    m_request.version = parts[2];
    m_request.headers = *headers;
    m_expectContinue = HeaderFields::hasToken(*headers, "expect", "100-continue");
    if (m_request.version == "HTTP/1.1")
        m_keepAlive = !HeaderFields::hasToken(*headers, "connection", "close");
    else
        m_keepAlive = HeaderFields::hasToken(*headers, "connection", "keep-alive");

    // Strict framing on purpose: whatever the gateway forwards must be unambiguous, so both
    // Content-Length and Transfer-Encoding, or conflicting lengths, are refused with 400.
    const bool hasLength = HeaderFields::contains(*headers, "content-length");
    const bool hasCoding = HeaderFields::contains(*headers, "transfer-encoding");
    if (hasLength && hasCoding)
        return Status::Error;
    if (hasCoding) {
        if (HeaderFields::value(*headers, "transfer-encoding").trimmed().toLower() != "chunked")
            return Status::Error;
        m_stage = Stage::ChunkedBody;
        return Status::NeedMore;
    }
    if (hasLength) {
        bool ok = false;
        const qint64 length = HeaderFields::value(*headers, "content-length").toLongLong(&ok);
        if (!ok || length < 0)
            return Status::Error; // also catches "5, 6" from two different Content-Length fields
        m_remaining = length;
        m_stage = length > 0 ? Stage::LengthBody : Stage::Complete;
        return Status::NeedMore;
    }
    m_stage = Stage::Complete;
    return Status::NeedMore;
}

} // namespace gatehouse::test
