#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <QList>

#include <atomic>

struct epoll_event;

namespace gatehouse::gateway {

// The event dispatcher of the gateway's worker threads, over Linux epoll. Qt's own dispatchers (glib's
// or Qt's poll loop) hand the kernel every watched descriptor on every pass; epoll's cost follows the
// ready descriptors only. Interest is dropped lazily: disabling a notifier, which Qt does around every
// unbuffered socket read, costs no system call; the kernel is told only when an event arrives that no
// notifier wants any more. Level-triggered, so nothing is lost by being lazy.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject* parent = nullptr);
    ~EpollEventDispatcher() override;

    // False if the kernel refused an epoll instance; the caller then keeps Qt's dispatcher.
    bool isValid() const { return m_epoll >= 0 && m_wakeFd >= 0; }

    // The dispatcher of the calling thread, if it is one of these.
    static EpollEventDispatcher* ofThisThread();

    // The number of the current pass: one more after each wait for events.
    quint64 pass() const { return m_pass; }
    // True when a wait for events since `pass` has found the descriptor unreadable: the kernel watched it for
    // input through that wait, it has not been ready since `pass`, a read notifier wants it now, and that wait
    // ended less than kFreshWaitNs ago. Only bytes that came in that short while are unknown.
    bool quietSince(qintptr fd, quint64 pass) const;
    static constexpr qint64 kFreshWaitNs = 500'000;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier* notifier) override;
    void unregisterSocketNotifier(QSocketNotifier* notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject* object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject* object) override;
    QList<TimerInfo> registeredTimers(QObject* object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    struct Watch
    {
        QSocketNotifier* read = nullptr;
        QSocketNotifier* write = nullptr;
        QSocketNotifier* exception = nullptr;
        // The live notifiers of the descriptor, enabled or not: while one lives, the number names the same file.
        QList<QSocketNotifier*> known;
        quint32 kernelEvents = 0; // what epoll is told to watch for
        quint64 inputWatchedSince = 0; // the pass in which epoll was last told to watch for input
        quint64 readyInPass = 0; // the last pass whose wait found it ready

        // Stops delivering to `notifier` (it stays known).
        void drop(const QSocketNotifier* notifier)
        {
            if (read == notifier)
                read = nullptr;
            if (write == notifier)
                write = nullptr;
            if (exception == notifier)
                exception = nullptr;
        }
    };
    struct Timer
    {
        int id = 0;
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject* object = nullptr;
        qint64 dueNs = 0; // on the monotonic clock
        bool firing = false; // its handler runs: a nested event loop must not fire it again
    };

    quint32 wantedEvents(const Watch& watch) const;
    void tellKernel(int fd, Watch& watch, quint32 events);
    void forget(int fd, QSocketNotifier* notifier);
    int waitTimeoutMs() const;
    void noteReady(const epoll_event* events, int ready);
    bool dispatchSocketEvents(const epoll_event* events, int ready);
    Timer* findTimer(int id);
    bool activateTimers();

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_wakeUpPending {false};
    std::atomic<bool> m_interrupted {false};
    quint64 m_pass = 1;
    qint64 m_waitEndedNs = 0; // when the latest wait returned, on the monotonic clock
    QHash<int, Watch> m_watches;
    QList<Timer> m_timers;
};

} // namespace gatehouse::gateway
