#include "core/gateway/EpollEventDispatcher.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace gatehouse::gateway;

namespace {

// Runs an event loop, waiting in the dispatcher, until quit() or the safety deadline; true if quit() came first.
bool runLoop(QEventLoop& loop, int safetyMs = 5'000)
{
    // A timer that dies with this call: a leftover one would wake a later test's wait and hide a lost wake-up.
    QTimer safety;
    safety.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&safety, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    safety.start(safetyMs);
    loop.exec();
    return !timedOut;
}

// Runs an event loop for `ms`: what should not happen must not happen meanwhile.
void runFor(int ms)
{
    QEventLoop loop;
    (void)runLoop(loop, ms);
}

class CountingTimerObject : public QObject
{
public:
    int fired = 0;
    std::function<void(int)> onTimer;

protected:
    void timerEvent(QTimerEvent* event) override
    {
        ++fired;
        if (onTimer)
            onTimer(event->timerId());
    }
};

struct SocketPair
{
    int fds[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds); }
    ~SocketPair() { close(); }
    void close()
    {
        for (int& fd : fds) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
    }
    void send() const { QCOMPARE(::write(fds[1], "x", 1), 1); }
    static void drain(int fd)
    {
        char buffer[64];
        while (::read(fd, buffer, sizeof buffer) > 0) { }
    }
};

} // namespace

// Runs with this dispatcher as the main thread's (see main() below), so every wait here goes through it.
class TestEpollEventDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isTheMainThreadsDispatcher()
    {
        QVERIFY(qobject_cast<EpollEventDispatcher*>(QAbstractEventDispatcher::instance()));
    }

    // First, while no other test's timer can wake the loop and hide a lost wake-up.
    void postsFromAnotherThreadWakeABlockedWait()
    {
        QEventLoop loop;
        QObject receiver;
        bool delivered = false;
        std::thread poster([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            QMetaObject::invokeMethod(
                &receiver,
                [&] {
                    delivered = true;
                    loop.quit();
                },
                Qt::QueuedConnection);
        });
        const bool quit = runLoop(loop, 10'000);
        poster.join();
        QVERIFY(delivered);
        QVERIFY2(quit, "woken by the safety timer, not by the post");
    }

    void everyPostFromManyThreadsArrives()
    {
        constexpr int kThreads = 4;
        constexpr int kPosts = 2'000;
        QEventLoop loop;
        QObject receiver;
        int arrived = 0;
        std::vector<std::thread> posters;
        for (int t = 0; t < kThreads; ++t) {
            posters.emplace_back([&] {
                for (int i = 0; i < kPosts; ++i) {
                    QMetaObject::invokeMethod(
                        &receiver,
                        [&] {
                            if (++arrived == kThreads * kPosts)
                                loop.quit();
                        },
                        Qt::QueuedConnection);
                    if (i % 100 == 0)
                        std::this_thread::yield(); // let the loop go to sleep between bursts
                }
            });
        }
        const bool quit = runLoop(loop, 20'000);
        for (std::thread& poster : posters)
            poster.join();
        QVERIFY2(quit, "a wake-up was lost: the safety timer ended the wait");
        QCOMPARE(arrived, kThreads * kPosts);
    }

    void singleShotTimerFiresOnceAndNotEarly()
    {
        QEventLoop loop;
        QElapsedTimer clock;
        clock.start();
        int fired = 0;
        qint64 firedAfterMs = -1;
        QTimer::singleShot(40, Qt::PreciseTimer, &loop, [&] {
            ++fired;
            firedAfterMs = clock.elapsed();
            loop.quit();
        });
        QVERIFY(runLoop(loop));
        QCOMPARE(fired, 1);
        QVERIFY2(firedAfterMs >= 40, qPrintable(QString::number(firedAfterMs)));
        runFor(80);
        QCOMPARE(fired, 1);
    }

    void repeatingTimerFiresUntilKilled()
    {
        QEventLoop loop;
        CountingTimerObject object;
        const int id = object.startTimer(5);
        QVERIFY(id > 0);
        const auto registered = QAbstractEventDispatcher::instance()->registeredTimers(&object);
        QCOMPARE(registered.size(), 1);
        QCOMPARE(registered.first().timerId, id);
        QCOMPARE(registered.first().interval, 5);
        const int remaining = QAbstractEventDispatcher::instance()->remainingTime(id);
        QVERIFY2(remaining >= 0 && remaining <= 5, qPrintable(QString::number(remaining)));
        object.onTimer = [&](int timerId) {
            if (object.fired == 3) {
                object.killTimer(timerId);
                loop.quit();
            }
        };
        QVERIFY(runLoop(loop));
        QCOMPARE(object.fired, 3);
        QCOMPARE(QAbstractEventDispatcher::instance()->remainingTime(id), -1);
        runFor(60);
        QCOMPARE(object.fired, 3);
    }

    void aTimerKilledByAnEarlierHandlerDoesNotFire()
    {
        // Both fall due in the same pass; the first one's handler kills the second.
        CountingTimerObject first;
        CountingTimerObject second;
        first.startTimer(20, Qt::PreciseTimer);
        const int secondId = second.startTimer(20, Qt::PreciseTimer);
        first.onTimer = [&](int timerId) {
            first.killTimer(timerId);
            second.killTimer(secondId);
        };
        runFor(100);
        QCOMPARE(first.fired, 1);
        QCOMPARE(second.fired, 0);
    }

    void aTimerDoesNotFireInsideItsOwnNestedLoop()
    {
        CountingTimerObject object;
        int depth = 0;
        int deepest = 0;
        object.onTimer = [&](int timerId) {
            ++depth;
            deepest = qMax(deepest, depth);
            if (object.fired == 1)
                runFor(50); // ten intervals pass in here
            else
                object.killTimer(timerId);
            --depth;
        };
        object.startTimer(5, Qt::PreciseTimer);
        runFor(120);
        QCOMPARE(deepest, 1);
        QCOMPARE(object.fired, 2);
    }

    void aSocketNotifierFollowsItsEnabledState()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
        int activations = 0;
        connect(&notifier, &QSocketNotifier::activated, this, [&] {
            ++activations;
            SocketPair::drain(pair.fds[0]);
        });
        pair.send();
        QTRY_COMPARE(activations, 1);

        notifier.setEnabled(false);
        pair.send();
        // The dispatcher sees the data and nobody wants it: the kernel must stop reporting it, or the
        // loop would spin (level-triggered) instead of sleeping.
        int passes = 0;
        const auto counting = connect(
            QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::awake, this, [&passes] { ++passes; });
        runFor(50);
        disconnect(counting);
        QCOMPARE(activations, 1);
        QVERIFY2(passes < 50, qPrintable(QStringLiteral("%1 passes in 50 ms: spinning").arg(passes)));

        notifier.setEnabled(true); // the data waiting since is reported now
        QTRY_COMPARE(activations, 2);
        pair.send();
        QTRY_COMPARE(activations, 3);
    }

    // What the upstream pool relies on to lend an idle connection without asking the kernel (UpstreamPool).
    void quietSinceKnowsWhatTheLatestWaitSaw()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
        int activations = 0;
        connect(&notifier, &QSocketNotifier::activated, this, [&] {
            ++activations;
            SocketPair::drain(pair.fds[0]);
        });
        EpollEventDispatcher* dispatcher = EpollEventDispatcher::ofThisThread();
        QVERIFY(dispatcher);
        runFor(5);

        const quint64 released = dispatcher->pass();
        QVERIFY2(!dispatcher->quietSince(pair.fds[0], released), "no wait since: nothing is known");
        runFor(5);
        QVERIFY(dispatcher->quietSince(pair.fds[0], released));
        QVERIFY2(!dispatcher->quietSince(pair.fds[1], 0), "a descriptor it does not watch");

        pair.send();
        QTRY_COMPARE(activations, 1);
        QVERIFY2(!dispatcher->quietSince(pair.fds[0], released), "ready since");
        const quint64 later = dispatcher->pass();
        runFor(5);
        QVERIFY(dispatcher->quietSince(pair.fds[0], later));

        // A wait long past is no evidence: bytes may have come in the time since.
        QThread::msleep(2);
        QVERIFY(!dispatcher->quietSince(pair.fds[0], later));

        notifier.setEnabled(false);
        runFor(5);
        QVERIFY2(!dispatcher->quietSince(pair.fds[0], dispatcher->pass() - 1), "nobody reads it");
    }

    // Two descriptors ready in one wait: whichever is dispatched first, the other is not quiet, though its turn
    // has not come yet.
    void aDescriptorReadyLaterInThePassIsNotQuiet()
    {
        SocketPair first;
        SocketPair second;
        QSocketNotifier firstNotifier(first.fds[0], QSocketNotifier::Read);
        QSocketNotifier secondNotifier(second.fds[0], QSocketNotifier::Read);
        EpollEventDispatcher* dispatcher = EpollEventDispatcher::ofThisThread();
        QVERIFY(dispatcher);
        runFor(5);
        const quint64 before = dispatcher->pass();
        int handled = 0;
        bool otherSeenQuiet = false;
        connect(&firstNotifier, &QSocketNotifier::activated, this, [&] {
            if (handled++ == 0)
                otherSeenQuiet = dispatcher->quietSince(second.fds[0], before);
            SocketPair::drain(first.fds[0]);
        });
        connect(&secondNotifier, &QSocketNotifier::activated, this, [&] {
            if (handled++ == 0)
                otherSeenQuiet = dispatcher->quietSince(first.fds[0], before);
            SocketPair::drain(second.fds[0]);
        });
        first.send();
        second.send();
        QTRY_COMPARE(handled, 2);
        QVERIFY(!otherSeenQuiet);
    }

    void aWriteNotifierFiresWhileTheSocketCanTakeData()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fds[1], QSocketNotifier::Write);
        int activations = 0;
        connect(&notifier, &QSocketNotifier::activated, this, [&] {
            if (++activations == 3)
                notifier.setEnabled(false);
        });
        QTRY_COMPARE(activations, 3);
        runFor(30);
        QCOMPARE(activations, 3);
    }

    void notifiersOnReusedDescriptorsFire()
    {
        // Qt closes a socket before its notifiers go: a new file may take the number while the old
        // notifier still lives, and the kernel has forgotten the closed file's interest.
        bool reused = false;
        for (int round = 0; round < 20; ++round) {
            auto old = std::make_unique<SocketPair>();
            auto oldNotifier = std::make_unique<QSocketNotifier>(old->fds[0], QSocketNotifier::Read);
            int oldActivations = 0;
            connect(oldNotifier.get(), &QSocketNotifier::activated, this, [&] {
                ++oldActivations;
                SocketPair::drain(old->fds[0]);
            });
            old->send();
            QTRY_COMPARE(oldActivations, 1);
            const int oldFd = old->fds[0];
            old->close();

            SocketPair fresh;
            reused = reused || fresh.fds[0] == oldFd;
            QSocketNotifier notifier(fresh.fds[0], QSocketNotifier::Read);
            int activations = 0;
            connect(&notifier, &QSocketNotifier::activated, this, [&] {
                ++activations;
                SocketPair::drain(fresh.fds[0]);
            });
            fresh.send();
            QTRY_COMPARE(activations, 1);
            oldNotifier.reset(); // the old notifier goes last, as in Qt
            fresh.send();
            QTRY_COMPARE(activations, 2);
        }
        QVERIFY2(reused, "the kernel never reused a descriptor number: the test tested nothing");
    }

    void qtSocketsExchangeDataOverManyConnections()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            while (QTcpSocket* accepted = server.nextPendingConnection()) {
                connect(
                    accepted, &QTcpSocket::readyRead, accepted, [accepted] { accepted->write(accepted->readAll()); });
                connect(accepted, &QTcpSocket::disconnected, accepted, &QObject::deleteLater);
            }
        });
        for (int i = 0; i < 30; ++i) {
            QTcpSocket client;
            QByteArray echoed;
            connect(&client, &QTcpSocket::readyRead, this, [&] { echoed += client.readAll(); });
            client.connectToHost(QHostAddress::LocalHost, server.serverPort());
            const QByteArray message = "ping " + QByteArray::number(i);
            client.write(message);
            QTRY_COMPARE(echoed, message);
            client.disconnectFromHost();
            QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
        }
    }

    void deleteLaterIsHonoured()
    {
        QEventLoop loop;
        QPointer<QObject> doomed = new QObject;
        connect(doomed, &QObject::destroyed, &loop, &QEventLoop::quit);
        QTimer::singleShot(0, doomed, [&] { doomed->deleteLater(); });
        QVERIFY(runLoop(loop));
        QVERIFY(doomed.isNull());
    }

    void aWorkerThreadRunsOnItAndQuits()
    {
        QThread thread;
        thread.setEventDispatcher(new EpollEventDispatcher);
        thread.start();
        QObject context;
        context.moveToThread(&thread);
        std::atomic<bool> fired {false};
        QMetaObject::invokeMethod(
            &context, [&] { QTimer::singleShot(10, &context, [&] { fired = true; }); }, Qt::QueuedConnection);
        QTRY_VERIFY(fired.load());
        QVERIFY(qobject_cast<EpollEventDispatcher*>(thread.eventDispatcher()));
        QMetaObject::invokeMethod(
            &context, [&] { context.moveToThread(QCoreApplication::instance()->thread()); },
            Qt::BlockingQueuedConnection);
        thread.quit(); // waits in epoll with no timers: only the wake-up can end it
        QVERIFY(thread.wait(5'000));
    }
};

int main(int argc, char* argv[])
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollEventDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestEpollEventDispatcher.moc"
