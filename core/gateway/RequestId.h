#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace gatehouse::gateway {

// The X-Request-Id of a request: the client's own when it is usable, else one the gateway makes.
class RequestId
{
public:
    // A client's own X-Request-Id is kept if it is short and plain (at most 128 of [A-Za-z0-9-_.:]), so that
    // traces join up; anything else could carry bytes into the log and the response head.
    static bool isValid(QByteArrayView id);
    // The id after `state`, which it advances: two SplitMix64 steps, their 16 bytes (in memory order) as 32
    // lowercase hex digits. A bijection of the counter, so one state's run never repeats an id.
    static QByteArray next(quint64& state);
    // next() on this thread's state, which starts at a random value. Not a secret, only unique (a client may send
    // its own): two threads' runs overlap only if their random starts fall within the requests of each other,
    // about one chance in 2^64 a request. About 120 instructions an id fewer than QRandomGenerator's Mersenne
    // Twister.
    static QByteArray generate();
    // The client's id if isValid(), else generate().
    static QByteArray fromClient(const QByteArray& clientId) { return isValid(clientId) ? clientId : generate(); }
};

} // namespace gatehouse::gateway
