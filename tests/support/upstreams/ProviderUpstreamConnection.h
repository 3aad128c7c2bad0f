#pragma once

#include "tests/support/upstreams/HttpRequestReader.h"
#include "tests/support/upstreams/ProviderUpstream.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace gatehouse::test {

// One connection of a ProviderUpstream, in its thread: reads requests one at a time, answers each in the format its
// path names, and deletes itself when the socket closes.
class ProviderUpstreamConnection : public QObject
{
    Q_OBJECT

public:
    ProviderUpstreamConnection(QTcpSocket* socket, std::shared_ptr<ProviderUpstream::State> state, QObject* parent);

private:
    void onReadyRead();
    void answer(const LoopbackUpstream::ReceivedRequest& request);
    void writeWhole(int status, const QByteArray& json);
    void startStream(QList<QByteArray> events);
    void sendNextEvent();
    QByteArray head(int status, const QList<std::pair<QByteArray, QByteArray>>& headers) const;

    QTcpSocket* m_socket;
    std::shared_ptr<ProviderUpstream::State> m_state;
    HttpRequestReader m_reader;
    QByteArray m_in;
    QTimer m_timer;
    QList<QByteArray> m_events;
    qsizetype m_failAfter = -1; // reset the connection after this many events; -1 never
    qsizetype m_sent = 0;
    bool m_busy = false;
};

} // namespace gatehouse::test
