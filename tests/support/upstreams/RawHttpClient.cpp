#include "tests/support/upstreams/RawHttpClient.h"

#include "tests/support/upstreams/HeaderFields.h"

#include <QHostAddress>

#include <limits>

namespace gatehouse::test {

namespace {

int remainingMs(QDeadlineTimer deadline)
{
    return int(qBound(qint64(0), deadline.remainingTime(), qint64(std::numeric_limits<int>::max())));
}

} // namespace

QByteArray RawHttpClient::Response::header(QByteArrayView name) const
{
    return HeaderFields::value(headers, name);
}

RawHttpClient::~RawHttpClient()
{
    m_socket.abort();
}

bool RawHttpClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket.abort();
    m_buffer.clear();
    endBody(false);
    m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    return m_socket.waitForConnected(timeoutMs);
}

bool RawHttpClient::send(QByteArrayView bytes, int timeoutMs)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return false;
    if (m_socket.write(bytes.data(), bytes.size()) != bytes.size())
        return false;
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.bytesToWrite() > 0) {
        if (deadline.hasExpired() || !m_socket.waitForBytesWritten(remainingMs(deadline)))
            return false;
    }
    return true;
}

bool RawHttpClient::fill(QDeadlineTimer deadline)
{
    if (m_socket.bytesAvailable() > 0) {
        m_buffer += m_socket.readAll();
        return true;
    }
    if (m_socket.state() != QAbstractSocket::ConnectedState || deadline.hasExpired())
        return false;
    m_socket.waitForReadyRead(remainingMs(deadline));
    // Data may come together with the peer's close, so look at the buffer whatever the result.
    if (m_socket.bytesAvailable() == 0)
        return false;
    m_buffer += m_socket.readAll();
    return true;
}

void RawHttpClient::endBody(bool complete)
{
    m_bodyMode = BodyMode::None;
    m_bodyComplete = complete;
}

std::optional<RawHttpClient::Response> RawHttpClient::readHead(int timeoutMs, bool headRequest)
{
    return readHeadUntil(QDeadlineTimer(timeoutMs), headRequest);
}

std::optional<RawHttpClient::Response> RawHttpClient::readHeadUntil(QDeadlineTimer deadline, bool headRequest)
{
    qsizetype end = -1;
    while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (!fill(deadline))
            return std::nullopt;
    }
    const QByteArray head = m_buffer.first(end);
    m_buffer.remove(0, end + 4);

    qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd < 0)
        lineEnd = head.size();
    const QByteArray statusLine = head.first(lineEnd);
    // "HTTP/1.1 200 OK"; the reason may be empty, and so may the space before it.
    if (!statusLine.startsWith("HTTP/1.") || statusLine.size() < 12 || statusLine.at(8) != ' ')
        return std::nullopt;
    if (statusLine.size() > 12 && statusLine.at(12) != ' ')
        return std::nullopt;
    bool ok = false;
    Response response;
    response.status = statusLine.sliced(9, 3).toInt(&ok);
    if (!ok || response.status < 100)
        return std::nullopt;
    response.reason = statusLine.size() > 13 ? statusLine.sliced(13) : QByteArray();
    const std::optional<HeaderList> headers
        = HeaderFields::parse(lineEnd < head.size() ? QByteArrayView(head).sliced(lineEnd + 2) : QByteArrayView());
    if (!headers)
        return std::nullopt;
    response.headers = *headers;

    // RFC 9112 section 6.3, in order: no body for HEAD, 1xx, 204 and 304; then chunked; then
    // Content-Length; otherwise the body runs until the server closes.
    m_chunked.reset();
    m_remaining = 0;
    if (headRequest || response.status < 200 || response.status == 204 || response.status == 304) {
        endBody(true);
    } else if (HeaderFields::hasToken(response.headers, "transfer-encoding", "chunked")) {
        m_bodyMode = BodyMode::Chunked;
    } else if (HeaderFields::contains(response.headers, "content-length")) {
        m_remaining = HeaderFields::value(response.headers, "content-length").toLongLong(&ok);
        if (!ok || m_remaining < 0)
            return std::nullopt;
        m_bodyMode = BodyMode::Length;
        if (m_remaining == 0)
            endBody(true);
    } else {
        m_bodyMode = BodyMode::UntilClose;
    }
    m_bodyComplete = m_bodyMode == BodyMode::None;
    return response;
}

RawHttpClient::BodyStatus RawHttpClient::decodeBody(QByteArray& out)
{
    switch (m_bodyMode) {
    case BodyMode::None:
        return BodyStatus::Done;
    case BodyMode::Length: {
        const qsizetype take = qsizetype(qMin<qint64>(m_remaining, m_buffer.size()));
        out.append(m_buffer.constData(), take);
        m_buffer.remove(0, take);
        m_remaining -= take;
        return m_remaining == 0 ? BodyStatus::Done : BodyStatus::More;
    }
    case BodyMode::Chunked:
        switch (m_chunked.decode(m_buffer, out)) {
        case ChunkedDecoder::Status::NeedMore:
            return BodyStatus::More;
        case ChunkedDecoder::Status::Done:
            return BodyStatus::Done;
        case ChunkedDecoder::Status::Error:
            return BodyStatus::Error;
        }
        break;
    case BodyMode::UntilClose:
        out += m_buffer;
        m_buffer.clear();
        return BodyStatus::More;
    }
    return BodyStatus::Error;
}

std::optional<RawHttpClient::Response> RawHttpClient::readResponse(int timeoutMs, bool headRequest)
{
    const QDeadlineTimer deadline(timeoutMs);
    std::optional<Response> response = readHeadUntil(deadline, headRequest);
    if (!response)
        return std::nullopt;
    while (m_bodyMode != BodyMode::None) {
        const BodyStatus status = decodeBody(response->body);
        if (status != BodyStatus::More) {
            endBody(status == BodyStatus::Done);
            break;
        }
        if (!fill(deadline)) {
            // A close ends a close-delimited body well and any other body too early.
            const bool closed = m_socket.state() != QAbstractSocket::ConnectedState;
            if (closed || m_bodyMode == BodyMode::UntilClose)
                endBody(closed && m_bodyMode == BodyMode::UntilClose);
            break;
        }
    }
    response->complete = m_bodyMode == BodyMode::None && m_bodyComplete;
    return response;
}

QByteArray RawHttpClient::readChunkData(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray out;
    while (m_bodyMode != BodyMode::None) {
        const BodyStatus status = decodeBody(out);
        if (status != BodyStatus::More) {
            endBody(status == BodyStatus::Done);
            break;
        }
        if (!out.isEmpty())
            break;
        if (!fill(deadline)) {
            if (m_socket.state() != QAbstractSocket::ConnectedState)
                endBody(m_bodyMode == BodyMode::UntilClose);
            break;
        }
    }
    return out;
}

bool RawHttpClient::waitForDisconnected(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    // Keep reading: Qt only notices the peer's FIN or RST when it reads, and reading also keeps
    // a bounded read buffer from stalling the wait.
    while (m_socket.state() != QAbstractSocket::UnconnectedState) {
        if (deadline.hasExpired())
            return false;
        m_socket.waitForReadyRead(remainingMs(deadline));
        m_buffer += m_socket.readAll();
    }
    return true;
}

bool RawHttpClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void RawHttpClient::close()
{
    m_socket.disconnectFromHost();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.waitForDisconnected(1000);
    m_socket.close();
}

void RawHttpClient::abort()
{
    m_socket.abort();
}

void RawHttpClient::setReadBufferSize(qint64 bytes)
{
    m_socket.setReadBufferSize(bytes);
}

RawHttpClient::Response RawHttpClient::request(quint16 port, QByteArray method, QByteArray target,
    QList<std::pair<QByteArray, QByteArray>> headers, QByteArray body, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    RawHttpClient client;
    if (!client.connectTo(port, remainingMs(deadline)))
        return {};
    QByteArray message = method + ' ' + target + " HTTP/1.1\r\n";
    if (!HeaderFields::contains(headers, "host"))
        message += "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    if (!HeaderFields::contains(headers, "connection"))
        message += "Connection: close\r\n";
    const bool framed
        = HeaderFields::contains(headers, "content-length") || HeaderFields::contains(headers, "transfer-encoding");
    if (!framed && (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH"))
        message += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto& [name, value] : std::as_const(headers))
        message += name + ": " + value + "\r\n";
    message += "\r\n" + body;
    if (!client.send(message, remainingMs(deadline)))
        return {};
    const bool head = method == "HEAD";
    std::optional<Response> response = client.readResponse(remainingMs(deadline), head);
    // Skip interim responses (100 Continue, 103 Early Hints); 101 is final for this purpose.
    while (response && response->status < 200 && response->status != 101)
        response = client.readResponse(remainingMs(deadline), head);
    return response.value_or(Response {});
}

} // namespace gatehouse::test
