#include "core/gateway/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QPointer>
#include <QSocketNotifier>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace gatehouse::gateway {

namespace {

constexpr int kMaxEvents = 256;
constexpr qint64 kNsPerMs = 1'000'000;

qint64 monotonicNs()
{
    return QDeadlineTimer::current(Qt::PreciseTimer).deadlineNSecs();
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject* parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (!isValid())
        return;
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event) != 0) {
        ::close(m_epoll);
        m_epoll = -1;
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

quint32 EpollEventDispatcher::wantedEvents(const Watch& watch) const
{
    quint32 events = 0;
    if (watch.read && watch.read->isEnabled())
        events |= EPOLLIN;
    if (watch.write && watch.write->isEnabled())
        events |= EPOLLOUT;
    if (watch.exception && watch.exception->isEnabled())
        events |= EPOLLPRI;
    return events;
}

EpollEventDispatcher* EpollEventDispatcher::ofThisThread()
{
    return qobject_cast<EpollEventDispatcher*>(QAbstractEventDispatcher::instance());
}

bool EpollEventDispatcher::quietSince(qintptr fd, quint64 pass) const
{
    const auto it = m_watches.constFind(int(fd));
    if (it == m_watches.cend() || !(it->kernelEvents & EPOLLIN) || !(it->read && it->read->isEnabled()))
        return false;
    // A wait has run since `pass` and since input was watched, and none since `pass` found input (ready in `pass`
    // itself is what was read then: level-triggered, anything left would have been found again). A long pass
    // (a burst of events, a slow handler) leaves a wide window after its wait: then the caller asks the kernel.
    return pass < m_pass && it->inputWatchedSince < m_pass && it->readyInPass <= pass
        && monotonicNs() - m_waitEndedNs < kFreshWaitNs;
}

void EpollEventDispatcher::tellKernel(int fd, Watch& watch, quint32 events)
{
    if ((events & EPOLLIN) && !(watch.kernelEvents & EPOLLIN))
        watch.inputWatchedSince = m_pass;
    if (events == 0) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    } else {
        epoll_event event {};
        event.events = events;
        event.data.fd = fd;
        // The kernel forgets a descriptor when its file closes, so what it knows may be gone: then add.
        if (epoll_ctl(m_epoll, watch.kernelEvents ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event) != 0)
            epoll_ctl(m_epoll, watch.kernelEvents ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &event);
    }
    watch.kernelEvents = events;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier* notifier)
{
    const int fd = int(notifier->socket());
    Watch& watch = m_watches[fd];
    const bool fresh = !watch.known.contains(notifier);
    if (fresh) {
        watch.known.append(notifier);
        connect(notifier, &QObject::destroyed, this, [this, fd, notifier] { forget(fd, notifier); });
    }
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watch.read = notifier;
        break;
    case QSocketNotifier::Write:
        watch.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watch.exception = notifier;
        break;
    }
    // Interest only grows here; it shrinks when an event arrives that nobody wants (dispatchSocketEvents).
    // A new notifier may watch a new file under a reused number (Qt closes a socket before it deletes the
    // socket's notifiers, and closing drops the kernel's watch), so the kernel is asked once for each one.
    const quint32 target = watch.kernelEvents | wantedEvents(watch);
    if (fresh || target != watch.kernelEvents)
        tellKernel(fd, watch, target);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier* notifier)
{
    // No system call: see the class comment.
    auto it = m_watches.find(int(notifier->socket()));
    if (it == m_watches.end())
        return;
    it->drop(notifier);
}

void EpollEventDispatcher::forget(int fd, QSocketNotifier* notifier)
{
    auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    it->known.removeAll(notifier);
    it->drop(notifier);
    if (it->known.isEmpty()) {
        if (it->kernelEvents != 0)
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr); // fails harmlessly if the file is already closed
        m_watches.erase(it);
    }
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject* object)
{
    m_timers.append(Timer {timerId, interval, timerType, object, monotonicNs() + interval * kNsPerMs});
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.removeIf([timerId](const Timer& timer) { return timer.id == timerId; }) > 0;
}

bool EpollEventDispatcher::unregisterTimers(QObject* object)
{
    return m_timers.removeIf([object](const Timer& timer) { return timer.object == object; }) > 0;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject* object) const
{
    QList<TimerInfo> timers;
    for (const Timer& timer : m_timers) {
        if (timer.object == object)
            timers.append(TimerInfo(timer.id, int(timer.intervalMs), timer.type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    for (const Timer& timer : m_timers) {
        if (timer.id == timerId)
            return int(qMax<qint64>(0, (timer.dueNs - monotonicNs() + kNsPerMs - 1) / kNsPerMs));
    }
    return -1;
}

void EpollEventDispatcher::wakeUp()
{
    // Called from any thread. The flag is cleared only after the eventfd is read (processEvents), so a
    // wake-up skipped here always has a pending one in the eventfd or is seen by the next pass's
    // sendPostedEvents().
    if (m_wakeUpPending.exchange(true))
        return;
    const quint64 one = 1;
    (void)::write(m_wakeFd, &one, sizeof one);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}

int EpollEventDispatcher::waitTimeoutMs() const
{
    if (m_timers.isEmpty())
        return -1;
    qint64 nearest = m_timers.first().dueNs;
    for (const Timer& timer : m_timers)
        nearest = qMin(nearest, timer.dueNs);
    // Rounded up: waking before a timer is due would only spin.
    const qint64 waitMs = (nearest - monotonicNs() + kNsPerMs - 1) / kNsPerMs;
    return int(std::clamp<qint64>(waitMs, 0, 24LL * 3600 * 1000));
}

void EpollEventDispatcher::noteReady(const epoll_event* events, int ready)
{
    ++m_pass;
    m_waitEndedNs = monotonicNs();
    // All first, so that a handler early in the pass knows of a descriptor whose turn comes later (quietSince).
    for (int i = 0; i < ready; ++i) {
        const auto it = m_watches.find(events[i].data.fd);
        if (it != m_watches.end())
            it->readyInPass = m_pass;
    }
}

bool EpollEventDispatcher::dispatchSocketEvents(const epoll_event* events, int ready)
{
    bool handled = false;
    for (int i = 0; i < ready; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_wakeFd) {
            quint64 count;
            (void)::read(m_wakeFd, &count, sizeof count);
            m_wakeUpPending.store(false);
            continue;
        }
        auto it = m_watches.find(fd);
        if (it == m_watches.end()) {
            // Known to the kernel, not to us: a file that outlived its notifiers (e.g. shared with a child).
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
            continue;
        }
        const quint32 got = events[i].events;
        const quint32 wanted = wantedEvents(*it);
        // Errors and hang-ups wake readers and writers alike, as poll() does.
        const bool readable = (got & (EPOLLIN | EPOLLHUP | EPOLLERR)) && (wanted & EPOLLIN);
        const bool writable = (got & (EPOLLOUT | EPOLLHUP | EPOLLERR)) && (wanted & EPOLLOUT);
        const bool exceptional = (got & EPOLLPRI) && (wanted & EPOLLPRI);
        if (!readable && !writable && !exceptional) {
            // Nobody wants this now: the lazily kept interest is dropped until a notifier wants it again.
            tellKernel(fd, *it, wanted);
            continue;
        }
        // A handler may delete the other notifiers of the same descriptor.
        QPointer<QSocketNotifier> read = readable ? it->read : nullptr;
        QPointer<QSocketNotifier> write = writable ? it->write : nullptr;
        QPointer<QSocketNotifier> exception = exceptional ? it->exception : nullptr;
        QEvent activate(QEvent::SockAct);
        if (exception && exception->isEnabled())
            QCoreApplication::sendEvent(exception, &activate);
        if (read && read->isEnabled())
            QCoreApplication::sendEvent(read, &activate);
        if (write && write->isEnabled())
            QCoreApplication::sendEvent(write, &activate);
        handled = true;
    }
    return handled;
}

EpollEventDispatcher::Timer* EpollEventDispatcher::findTimer(int id)
{
    auto it = std::find_if(m_timers.begin(), m_timers.end(), [id](const Timer& t) { return t.id == id; });
    return it == m_timers.end() ? nullptr : &*it;
}

bool EpollEventDispatcher::activateTimers()
{
    if (m_timers.isEmpty())
        return false;
    const qint64 now = monotonicNs();
    QList<int> due;
    for (const Timer& timer : m_timers) {
        if (timer.dueNs <= now)
            due.append(timer.id);
    }
    bool fired = false;
    for (int id : due) {
        // Looked up again each time: an earlier timer's handler may have killed this one.
        Timer* timer = findTimer(id);
        if (!timer || timer->firing)
            continue;
        // The next due time follows the schedule, not this pass, unless the schedule has fallen behind.
        timer->dueNs += timer->intervalMs * kNsPerMs;
        if (timer->dueNs <= now)
            timer->dueNs = now + timer->intervalMs * kNsPerMs;
        timer->firing = true;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(timer->object, &event);
        if (Timer* still = findTimer(id)) // the handler may have killed it, or others
            still->firing = false;
        fired = true;
    }
    return fired;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();
    if (m_interrupted.load())
        return false;

    const bool wait = flags.testFlag(QEventLoop::WaitForMoreEvents);
    const bool sockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    const bool timers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    if (wait)
        Q_EMIT aboutToBlock();
    epoll_event events[kMaxEvents];
    int ready = 0;
    do {
        ready = epoll_wait(m_epoll, events, kMaxEvents, wait ? (timers ? waitTimeoutMs() : -1) : 0);
    } while (ready < 0 && errno == EINTR);
    if (wait)
        Q_EMIT awake();
    noteReady(events, qMax(ready, 0));

    bool handled = false;
    if (sockets) {
        handled = dispatchSocketEvents(events, qMax(ready, 0));
    } else {
        // Only the wake-up is taken; the sockets stay ready (level-triggered) for a pass that wants them.
        for (int i = 0; i < ready; ++i) {
            if (events[i].data.fd == m_wakeFd)
                dispatchSocketEvents(&events[i], 1);
        }
    }
    if (timers && activateTimers())
        handled = true;
    return handled;
}

} // namespace gatehouse::gateway
