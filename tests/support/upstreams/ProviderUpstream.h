#pragma once

#include "tests/support/upstreams/LoopbackUpstream.h"
#include "tests/support/upstreams/ProviderFixtures.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <memory>

class QTcpServer;

namespace gatehouse::test {

// A loopback AI provider for gateway tests: a real HTTP/1.1 server on 127.0.0.1 in a thread of its own (like
// LoopbackUpstream, so a test may block on the gateway meanwhile) that answers in each provider's wire format,
// chosen by the path, with the responses of ProviderFixtures:
//   POST /v1/messages                                           Anthropic Messages (SSE when the body says stream)
//   POST /v1beta/models/M:generateContent                       Gemini, whole
//   POST /v1beta/models/M:streamGenerateContent?alt=sse         Gemini, SSE
//   POST /v1/chat/completions, /chat/completions                OpenAI (SSE when the body says stream; a usage chunk
//                                                               when stream_options.include_usage is set)
//   GET  /v1/models, /models                                    OpenAI's model list
// SSE events go out sseIntervalMs() apart, chunked, so a test can see the first chunk reach the client before the
// upstream has finished. setErrorStatus() answers every POST with that provider's error body; setMidStreamFailure()
// sends the first half of a stream's events and then resets the connection. It records every request (headers and
// body) for the tests to check the injected key and the translated request.
class ProviderUpstream : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        ProviderFixtures::Scenario scenario = ProviderFixtures::Scenario::Text;
        int sseIntervalMs = 20;
        int errorStatus = 0; // 0: answer normally
        bool midStreamFailure = false;
    };
    // Shared with the server thread; one mutex, nothing on a hot path.
    struct State
    {
        mutable QMutex mutex;
        Settings settings;
        QList<LoopbackUpstream::ReceivedRequest> requests;
        int eventsSent = 0;
        int streamsCompleted = 0;
    };

    explicit ProviderUpstream(QObject* parent = nullptr);
    ~ProviderUpstream() override;

    bool start();
    void stop();
    quint16 port() const { return m_port; }
    QUrl url() const;

    void setScenario(ProviderFixtures::Scenario scenario);
    void setSseIntervalMs(int ms);
    void setErrorStatus(int status); // 400, 401, 429, 500, 503, 529 ...; 0 to stop
    void setMidStreamFailure(bool fail);

    QList<LoopbackUpstream::ReceivedRequest> requests() const;
    int requestCount() const;
    int eventsSent() const; // SSE events written so far, over all streams
    int streamsCompleted() const; // SSE responses that were written to their end
    bool waitForRequests(int n, int timeoutMs = 5000) const;

private:
    std::shared_ptr<State> m_state;
    QThread m_thread;
    QTcpServer* m_server = nullptr; // lives in m_thread
    quint16 m_port = 0;
};

} // namespace gatehouse::test
