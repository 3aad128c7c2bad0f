#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <utility>

namespace gatehouse::ui {

// What every loader that reads the catalog off the GUI thread needs (TrafficHistoryLoader, AiUsageLoader,
// TokenUsageLoader): one read at a time on a thread of its own, its result handed to `deliver` on the thread that
// made this object, and a flag the read may poll to stop early when this object goes. Kept in one place because
// its races are easy to reintroduce one loader at a time:
// - Busy lasts from start() until the result is delivered, not while the thread runs: the thread is still ending
//   when its result arrives, and a read asked for then (by a handler of the result, say) must not be turned away.
//   The ended thread is waited for before the next one starts.
// - A start() while busy is ignored, or remembered (the last one wins) and run right after the result in flight is
//   delivered, as `whileBusy` says; a read that the handler of that result starts itself goes first.
// - Destroying it stops a running read (the flag), waits for its thread, and delivers nothing afterwards.
// A template, so not a QObject itself: its deliveries are queued to a QObject it owns.
template <typename T>
class BackgroundRead
{
public:
    enum class WhileBusy { Ignore, RunAfter };
    // Runs on the read's thread. `cancelled` turns true when this object is being destroyed: a long read may stop
    // early (its result is dropped). Leaves `error` empty on success.
    using Read = std::function<T(const std::atomic<bool>& cancelled, QString* error)>;
    // Runs on the thread that made this object; may start the next read, or destroy this object.
    using Deliver = std::function<void(const T& result, const QString& error)>;

    BackgroundRead(QString threadName, WhileBusy whileBusy, Deliver deliver)
        : m_threadName(std::move(threadName))
        , m_whileBusy(whileBusy)
        , m_deliver(std::move(deliver))
    { }

    ~BackgroundRead()
    {
        m_cancelled.store(true);
        if (m_thread)
            m_thread->wait();
        // A delivery already queued goes with m_receiver: nothing arrives after this.
    }

    BackgroundRead(const BackgroundRead&) = delete;
    BackgroundRead& operator=(const BackgroundRead&) = delete;

    // From start() until the result is delivered (so a handler of the result may start the next read).
    bool isBusy() const { return m_busy; }

    void start(Read read)
    {
        if (m_busy) {
            if (m_whileBusy == WhileBusy::RunAfter)
                m_pending = std::move(read);
            return;
        }
        if (m_thread) {
            // It has delivered its result and is about to end.
            m_thread->wait();
            m_thread.reset();
        }
        m_busy = true;
        m_thread.reset(QThread::create([this, read = std::move(read)] {
            QString error;
            T result = read(m_cancelled, &error);
            if (m_cancelled.load())
                return;
            // Queued to the receiver's thread; the destructor waits for this thread, so `this` lives until the
            // call is queued, and the receiver's end drops the call if it has not run by then.
            QMetaObject::invokeMethod(
                &m_receiver, [this, result = std::move(result), error] { onDelivered(result, error); },
                Qt::QueuedConnection);
        }));
        m_thread->setObjectName(m_threadName);
        m_thread->start();
    }

private:
    void onDelivered(const T& result, const QString& error)
    {
        m_busy = false;
        const QPointer<QObject> alive(&m_receiver);
        const Deliver deliver = m_deliver; // a copy: the handler may destroy this object
        deliver(result, error);
        if (!alive)
            return;
        // A read asked for meanwhile starts now, unless the handler started one (then it waits for that one).
        if (m_pending && !m_busy)
            start(std::exchange(m_pending, Read()));
    }

    const QString m_threadName;
    const WhileBusy m_whileBusy;
    const Deliver m_deliver;
    QObject m_receiver;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_cancelled {false};
    bool m_busy = false;
    Read m_pending;
};

} // namespace gatehouse::ui
