#pragma once

#include "tests/support/upstreams/HttpRequestReader.h"
#include "tests/support/upstreams/UpstreamState.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace gatehouse::test {

// One accepted connection of a LoopbackUpstream, living in the upstream's thread. It answers the
// requests on its socket strictly one at a time (later pipelined requests wait in the buffer) in
// the way the current Behaviour asks, and deletes itself when the socket closes.
class UpstreamConnection : public QObject
{
    Q_OBJECT

public:
    UpstreamConnection(QTcpSocket* socket, std::shared_ptr<UpstreamState> state, int id, QObject* parent);
    ~UpstreamConnection() override;

private:
    // Idle: waiting for (or parsing) a request. The others mean a response is still open.
    enum class Phase { Idle, Delaying, SseEvents, SseHolding, Streaming, Resetting, Closing };

    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void onTimer();

    void processBuffered();
    void dispatch();
    void answerNow();
    void finishResponse();
    void closeGracefully();

    void writeHead(int status, const QList<std::pair<QByteArray, QByteArray>>& headers);
    void writeJson(int status, const QByteArray& json);
    void respondEcho();
    void respondStatus(int status);

    void startSse();
    void sendSseEvent();
    void startStream();
    void pumpStream();
    void startReset();
    void resetNow();

    QTcpSocket* m_socket;
    std::shared_ptr<UpstreamState> m_state;
    int m_id;
    QByteArray m_in;
    HttpRequestReader m_reader;
    QTimer m_timer;
    Phase m_phase = Phase::Idle;
    bool m_processing = false;
    bool m_continueSent = false;
    bool m_counted = true; // still counted in UpstreamState's open connections

    // The request being answered and the settings it is answered with.
    LoopbackUpstream::ReceivedRequest m_request;
    UpstreamState::Settings m_settings;
    bool m_keepAlive = true;
    int m_statusFromPath = 0;
    int m_sseSent = 0;
    qint64 m_streamRemaining = 0;
};

} // namespace gatehouse::test
