#include "tests/support/upstreams/ProviderUpstreamConnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QTcpSocket>

namespace gatehouse::test {

namespace {

enum class Format { Anthropic, Gemini, OpenAi, OpenAiModels, Unknown };

Format formatOf(const LoopbackUpstream::ReceivedRequest& request)
{
    const QByteArray path = request.target.split('?').first();
    if (request.method == "GET" && (path == "/v1/models" || path == "/models"))
        return Format::OpenAiModels;
    if (request.method != "POST")
        return Format::Unknown;
    if (path == "/v1/messages")
        return Format::Anthropic;
    if (path.startsWith("/v1beta/models/")
        && (path.endsWith(":generateContent") || path.endsWith(":streamGenerateContent")))
        return Format::Gemini;
    if (path == "/v1/chat/completions" || path == "/chat/completions")
        return Format::OpenAi;
    return Format::Unknown;
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 529:
        return "Overloaded";
    default:
        return "Status";
    }
}

} // namespace

ProviderUpstreamConnection::ProviderUpstreamConnection(
    QTcpSocket* socket, std::shared_ptr<ProviderUpstream::State> state, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_state(std::move(state))
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ProviderUpstreamConnection::sendNextEvent);
    connect(m_socket, &QTcpSocket::readyRead, this, &ProviderUpstreamConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
}

void ProviderUpstreamConnection::onReadyRead()
{
    m_in += m_socket->readAll();
    while (!m_busy) {
        const HttpRequestReader::Status status = m_reader.read(m_in);
        if (status == HttpRequestReader::Status::NeedMore)
            return;
        if (status == HttpRequestReader::Status::Error) {
            writeWhole(400, "{\"error\":\"bad request\"}");
            m_socket->disconnectFromHost();
            return;
        }
        const LoopbackUpstream::ReceivedRequest request = m_reader.takeRequest();
        {
            QMutexLocker lock(&m_state->mutex);
            m_state->requests.append(request);
        }
        answer(request);
    }
}

void ProviderUpstreamConnection::answer(const LoopbackUpstream::ReceivedRequest& request)
{
    ProviderUpstream::Settings settings;
    {
        QMutexLocker lock(&m_state->mutex);
        settings = m_state->settings;
    }
    const Format format = formatOf(request);
    if (format == Format::Unknown) {
        writeWhole(404, "{\"error\":{\"message\":\"no such route on the test provider\"}}");
        return;
    }
    if (format == Format::OpenAiModels) {
        writeWhole(200, ProviderFixtures::openAiModels());
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (settings.errorStatus != 0) {
        const int status = settings.errorStatus;
        if (format == Format::Anthropic)
            writeWhole(status, ProviderFixtures::anthropicError(status));
        else if (format == Format::Gemini)
            writeWhole(status, ProviderFixtures::geminiError(status));
        else
            writeWhole(status, ProviderFixtures::openAiError(status));
        return;
    }
    const ProviderFixtures::Scenario scenario = settings.scenario;
    QList<QByteArray> events;
    if (format == Format::Anthropic) {
        if (!body.value(QStringLiteral("stream")).toBool()) {
            writeWhole(200, ProviderFixtures::anthropicMessage(scenario));
            return;
        }
        events = ProviderFixtures::anthropicStream(scenario);
    } else if (format == Format::Gemini) {
        if (!request.target.contains(":streamGenerateContent")) {
            writeWhole(200, ProviderFixtures::geminiResponse(scenario));
            return;
        }
        if (!request.target.contains("alt=sse")) {
            writeWhole(400, ProviderFixtures::geminiError(400));
            return;
        }
        events = ProviderFixtures::geminiStream(scenario);
    } else {
        if (!body.value(QStringLiteral("stream")).toBool()) {
            writeWhole(200, ProviderFixtures::openAiCompletion(scenario));
            return;
        }
        const bool usage
            = body.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool();
        events = ProviderFixtures::openAiStream(scenario, usage);
    }
    m_failAfter = settings.midStreamFailure ? events.size() / 2 : -1;
    m_timer.setInterval(settings.sseIntervalMs);
    startStream(std::move(events));
}

QByteArray ProviderUpstreamConnection::head(int status, const QList<std::pair<QByteArray, QByteArray>>& headers) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    for (const auto& [name, value] : headers)
        out += name + ": " + value + "\r\n";
    return out + "\r\n";
}

void ProviderUpstreamConnection::writeWhole(int status, const QByteArray& json)
{
    m_socket->write(
        head(status, {{"Content-Type", "application/json"}, {"Content-Length", QByteArray::number(json.size())}}));
    m_socket->write(json);
}

void ProviderUpstreamConnection::startStream(QList<QByteArray> events)
{
    m_busy = true;
    m_events = std::move(events);
    m_sent = 0;
    m_socket->write(head(
        200, {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}, {"Transfer-Encoding", "chunked"}}));
    sendNextEvent();
}

void ProviderUpstreamConnection::sendNextEvent()
{
    if (m_sent == m_failAfter) {
        // A reset, not a clean close: the peer sees the stream break off mid-body.
        m_socket->abort();
        deleteLater();
        return;
    }
    if (m_sent == m_events.size()) {
        m_socket->write("0\r\n\r\n");
        m_busy = false;
        {
            QMutexLocker lock(&m_state->mutex);
            ++m_state->streamsCompleted;
        }
        if (!m_in.isEmpty())
            QMetaObject::invokeMethod(this, &ProviderUpstreamConnection::onReadyRead, Qt::QueuedConnection);
        return;
    }
    const QByteArray& event = m_events[m_sent++];
    m_socket->write(QByteArray::number(event.size(), 16) + "\r\n" + event + "\r\n");
    m_socket->flush();
    {
        QMutexLocker lock(&m_state->mutex);
        ++m_state->eventsSent;
    }
    m_timer.start();
}

} // namespace gatehouse::test
