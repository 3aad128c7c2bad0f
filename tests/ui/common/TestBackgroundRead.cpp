#include "ui/common/BackgroundRead.h"

#include <QList>
#include <QSemaphore>
#include <QTest>

#include <atomic>
#include <memory>

using gatehouse::ui::BackgroundRead;

class TestBackgroundRead : public QObject
{
    Q_OBJECT

    using Reader = BackgroundRead<int>;

    // A read that returns `value`, noting the thread it ran on and then releasing `done`.
    static Reader::Read returning(int value, std::atomic<QThread*>* ranOn = nullptr, QSemaphore* done = nullptr)
    {
        return [value, ranOn, done](const std::atomic<bool>&, QString*) {
            if (ranOn)
                ranOn->store(QThread::currentThread());
            if (done)
                done->release();
            return value;
        };
    }

private Q_SLOTS:
    void deliversTheResultOnTheThreadThatMadeIt()
    {
        QList<int> delivered;
        QThread* deliveredOn = nullptr;
        Reader reader(QStringLiteral("test-read"), Reader::WhileBusy::Ignore, [&](const int& result, const QString&) {
            delivered << result;
            deliveredOn = QThread::currentThread();
        });
        std::atomic<QThread*> ranOn {nullptr};
        reader.start(returning(7, &ranOn));
        QVERIFY(reader.isBusy());
        QTRY_COMPARE(delivered, QList<int>({7}));
        QCOMPARE(deliveredOn, QThread::currentThread());
        QVERIFY(ranOn.load() != QThread::currentThread());
        QCOMPARE(ranOn.load()->objectName(), QStringLiteral("test-read"));
        QVERIFY(!reader.isBusy());
    }

    void anErrorIsDelivered()
    {
        QString delivered;
        Reader reader(QStringLiteral("test-read"), Reader::WhileBusy::Ignore,
            [&](const int&, const QString& error) { delivered = error; });
        reader.start([](const std::atomic<bool>&, QString* error) {
            *error = QStringLiteral("no such table");
            return 0;
        });
        QTRY_COMPARE(delivered, QStringLiteral("no such table"));
    }

    // The thread has ended but its result is not delivered yet: still busy, so a second read is not run beside the
    // first's delivery; and the handler of the result may start the next read, which is not turned away.
    void busyUntilTheResultIsDeliveredNotUntilTheThreadEnds()
    {
        QList<int> delivered;
        std::unique_ptr<Reader> reader;
        reader = std::make_unique<Reader>(
            QStringLiteral("test-read"), Reader::WhileBusy::Ignore, [&](const int& result, const QString&) {
                QVERIFY(!reader->isBusy());
                delivered << result;
                if (result == 1)
                    reader->start(returning(2));
            });
        std::atomic<QThread*> ranOn {nullptr};
        QSemaphore done;
        reader->start(returning(1, &ranOn, &done));
        // Waits without processing events, so the result waits in the queue.
        QVERIFY(done.tryAcquire(1, 10'000));
        QVERIFY(ranOn.load()->wait(10'000));
        QVERIFY(reader->isBusy());
        reader->start(returning(99)); // ignored: the first is not delivered yet
        QTRY_COMPARE(delivered, QList<int>({1, 2}));
        QTest::qWait(50);
        QCOMPARE(delivered, QList<int>({1, 2}));
        QVERIFY(!reader->isBusy());
    }

    void aReadAskedForWhileBusyIsIgnored()
    {
        QList<int> delivered;
        Reader reader(QStringLiteral("test-read"), Reader::WhileBusy::Ignore,
            [&](const int& result, const QString&) { delivered << result; });
        reader.start(returning(1));
        reader.start(returning(2));
        QTRY_COMPARE(delivered, QList<int>({1}));
        QTest::qWait(50);
        QCOMPARE(delivered, QList<int>({1}));
    }

    // A second read asked for right after the first runs once the first is delivered, never beside it; of several
    // asked for meanwhile the last one runs.
    void aReadAskedForWhileBusyRunsAfterTheOneInFlight()
    {
        QList<int> delivered;
        std::atomic<int> deliveredCount {0};
        std::atomic<int> deliveredWhenSecondRan {-1};
        Reader reader(QStringLiteral("test-read"), Reader::WhileBusy::RunAfter, [&](const int& result, const QString&) {
            delivered << result;
            ++deliveredCount;
        });
        reader.start(returning(1));
        reader.start(returning(2)); // replaced by the next
        reader.start([&](const std::atomic<bool>&, QString*) {
            deliveredWhenSecondRan.store(deliveredCount.load());
            return 3;
        });
        QVERIFY(reader.isBusy());
        QTRY_COMPARE(delivered, QList<int>({1, 3}));
        QCOMPARE(deliveredWhenSecondRan.load(), 1);
        QTest::qWait(50);
        QCOMPARE(delivered, QList<int>({1, 3}));
        QVERIFY(!reader.isBusy());
    }

    // The handler's own read goes first; the one remembered follows it.
    void aReadTheHandlerStartsGoesBeforeTheRememberedOne()
    {
        QList<int> delivered;
        std::unique_ptr<Reader> reader;
        reader = std::make_unique<Reader>(
            QStringLiteral("test-read"), Reader::WhileBusy::RunAfter, [&](const int& result, const QString&) {
                delivered << result;
                if (result == 1)
                    reader->start(returning(10));
            });
        reader->start(returning(1));
        reader->start(returning(2));
        QTRY_COMPARE(delivered, QList<int>({1, 10, 2}));
    }

    void destroyingItMidReadStopsTheReadAndDeliversNothing()
    {
        int delivered = 0;
        QSemaphore started;
        std::atomic<bool> sawCancel {false};
        auto reader = std::make_unique<Reader>(
            QStringLiteral("test-read"), Reader::WhileBusy::RunAfter, [&](const int&, const QString&) { ++delivered; });
        reader->start([&](const std::atomic<bool>& cancelled, QString*) {
            started.release();
            while (!cancelled.load())
                QThread::msleep(1);
            sawCancel.store(true);
            return 1;
        });
        reader->start(returning(2)); // remembered, and dropped with it
        QVERIFY(started.tryAcquire(1, 10'000));
        reader.reset(); // sets the flag and waits for the thread
        QVERIFY(sawCancel.load());
        QTest::qWait(50);
        QCOMPARE(delivered, 0);
    }

    // The result is queued but not delivered when it goes: the queued delivery goes with it.
    void destroyingItBeforeTheDeliveryDropsTheResult()
    {
        int delivered = 0;
        auto reader = std::make_unique<Reader>(
            QStringLiteral("test-read"), Reader::WhileBusy::Ignore, [&](const int&, const QString&) { ++delivered; });
        std::atomic<QThread*> ranOn {nullptr};
        QSemaphore done;
        reader->start(returning(1, &ranOn, &done));
        QVERIFY(done.tryAcquire(1, 10'000)); // no event is processed meanwhile
        QVERIFY(ranOn.load()->wait(10'000));
        reader.reset();
        QTest::qWait(50);
        QCOMPARE(delivered, 0);
    }

    // Like a page closing on the result: the handler destroys the reader, and a remembered read is not started on it.
    void theHandlerMayDestroyIt()
    {
        int delivered = 0;
        std::unique_ptr<Reader> reader;
        reader = std::make_unique<Reader>(
            QStringLiteral("test-read"), Reader::WhileBusy::RunAfter, [&](const int&, const QString&) {
                ++delivered;
                reader.reset();
            });
        reader->start(returning(1));
        reader->start(returning(2));
        QTRY_VERIFY(!reader);
        QTest::qWait(50);
        QCOMPARE(delivered, 1);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundRead)
#include "TestBackgroundRead.moc"
