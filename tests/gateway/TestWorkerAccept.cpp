#include "core/gateway/Worker.h"
#include "tests/support/GatewayHarness.h"
#include "tests/support/upstreams/RawHttpClient.h"

#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <vector>

using namespace gatehouse;
using test::RawHttpClient;

class TestWorkerAccept : public QObject
{
    Q_OBJECT

private:
    // Holds every free descriptor of this process (under a lowered RLIMIT_NOFILE), so that the gateway's next
    // accept() fails with EMFILE; gives them back on release or destruction, and the limit with them.
    class DescriptorHog
    {
    public:
        bool fill(int headroom)
        {
            if (::getrlimit(RLIMIT_NOFILE, &m_saved) != 0)
                return false;
            m_lowered = true;
            rlimit lowered = m_saved;
            lowered.rlim_cur = rlim_t(::fcntl(0, F_DUPFD, 0)); // the lowest free descriptor...
            ::close(int(lowered.rlim_cur));
            lowered.rlim_cur += rlim_t(headroom); // ...plus room, so that filling it is quick
            if (lowered.rlim_cur > m_saved.rlim_cur || ::setrlimit(RLIMIT_NOFILE, &lowered) != 0)
                return false;
            return topUp();
        }
        // Takes what other threads freed since (the gateway closing a connection's descriptor, say).
        bool topUp()
        {
            while (true) {
                const int fd = ::dup(0);
                if (fd < 0)
                    return errno == EMFILE;
                m_held.push_back(fd);
            }
        }
        void release(int count)
        {
            for (int i = 0; i < count && !m_held.empty(); ++i) {
                ::close(m_held.back());
                m_held.pop_back();
            }
        }
        ~DescriptorHog()
        {
            release(int(m_held.size()));
            if (m_lowered)
                ::setrlimit(RLIMIT_NOFILE, &m_saved);
        }

    private:
        rlimit m_saved {};
        bool m_lowered = false;
        std::vector<int> m_held;
    };

    static qint64 processCpuMs()
    {
        timespec now {};
        ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
    }

private Q_SLOTS:
    // accept() failing with EMFILE pauses the listener (Qt's QTcpServer does so and never resumes); once
    // descriptors are free again the worker must accept again, by itself.
    void acceptsAgainAfterRunningOutOfDescriptors()
    {
        test::GatewayHarness gateway;
        gateway::EngineConfig config;
        config.workers = 1;
        QVERIFY(gateway.start(config));
        // A first exchange, so that whatever the engine opens lazily is open before descriptors run out.
        QCOMPARE(RawHttpClient::request(gateway.port(), "GET", "/nothing").status, 404);

        RawHttpClient client;
        {
            DescriptorHog hog;
            QVERIFY(hog.fill(64));
            QTest::qWait(100); // the gateway closes its side of the first exchange
            QVERIFY(hog.topUp());
            // One descriptor for the client's socket; the kernel completes the handshake, and the gateway's accept()
            // finds no descriptor left.
            hog.release(1);
            QVERIFY(client.connectTo(gateway.port()));
            QVERIFY(client.send("GET /nothing HTTP/1.1\r\nHost: gw\r\n\r\n"));
            // Not accepted, so no answer; and no core spun on accept() meanwhile (Qt 6.4's QTcpServer retries EMFILE
            // at once, for ever). Idle, the whole process uses a few milliseconds of CPU in this time.
            const qint64 cpuBefore = processCpuMs();
            QVERIFY(!client.readResponse(5 * gateway::Worker::kAcceptPauseMs));
            const qint64 cpuSpent = processCpuMs() - cpuBefore;
            QVERIFY2(cpuSpent < 30, qPrintable(QStringLiteral("%1 ms of CPU while waiting").arg(cpuSpent)));
            // Room again, while the limit is still low: a few descriptors are enough.
            hog.release(8);
            const auto response = client.readResponse(3000);
            QVERIFY(response);
            QCOMPARE(response->status, 404);
        }
        // And the listener goes on.
        QCOMPARE(RawHttpClient::request(gateway.port(), "GET", "/nothing").status, 404);
    }
};

QTEST_GUILESS_MAIN(TestWorkerAccept)
#include "TestWorkerAccept.moc"
