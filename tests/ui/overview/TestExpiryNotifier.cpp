#include "ui/overview/ExpiryNotifier.h"

#include "tests/ui/support/ConsoleFixture.h"
#include "ui/overview/Notifier.h"
#include "ui/shell/ConsoleSettings.h"

#include <QTemporaryDir>

#include <memory>

using namespace gatehouse;
using ui::ExpiryNotifier;

namespace {

constexpr qint64 kHourMs = 3600'000;

// Records the notifications instead of showing them (the offscreen platform has no tray).
class RecordingNotifier : public ui::Notifier
{
public:
    void notify(const QString& title, const QString& message) override { shown.append({title, message}); }
    QList<std::pair<QString, QString>> shown;
};

} // namespace

class TestExpiryNotifier : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::ConsoleFixture> m_f;
    QTemporaryDir m_dir;
    RecordingNotifier m_notifier;

    QString settingsFile() const { return m_dir.filePath(QStringLiteral("gatehouse.conf")); }

    qint64 createToken(const QString& name, qint64 expiresInMs)
    {
        TokenRequest request;
        request.consumer = QStringLiteral("mobile-app");
        request.name = name;
        request.scopes = {QStringLiteral("api:billing")};
        request.expiry.at = m_f->t.clock.now().addMSecs(expiresInMs);
        auto issued = m_f->t.tokens.create(request);
        if (!issued) {
            qWarning("%s", qPrintable(issued.error().message));
            return 0;
        }
        return issued->token.id;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(settingsFile());
        m_notifier.shown.clear();
        m_f = std::make_unique<test::ConsoleFixture>();
        QVERIFY(m_f->isReady());
        m_f->t.addBillingApiAndConsumer();
    }

    void cleanup() { m_f.reset(); }

    void announcesADayBeforeOncePerToken()
    {
        const qint64 id = createToken(QStringLiteral("tablets"), 25 * kHourMs);
        QVERIFY(id);
        {
            ui::ConsoleSettings settings(settingsFile());
            ExpiryNotifier notifier(m_f->services, settings, m_notifier);
            notifier.check();
            QCOMPARE(m_notifier.shown.size(), 0); // 25 hours away: not yet

            m_f->t.clock.advanceMs(2 * kHourMs);
            notifier.check();
            QCOMPARE(m_notifier.shown.size(), 1);
            QCOMPARE(m_notifier.shown.first().first, QStringLiteral("A token expires soon"));
            QVERIFY(m_notifier.shown.first().second.contains(QStringLiteral("tablets")));
            QVERIFY(m_notifier.shown.first().second.contains(QStringLiteral("mobile-app")));

            // More checks, by the timer or catalog changes, say nothing more.
            notifier.check();
            m_f->t.clock.advanceMs(kHourMs);
            notifier.check();
            QVERIFY(createToken(QStringLiteral("phones"), 30 * 24 * kHourMs));
            QTRY_VERIFY(m_f->services.revisions.revision() == m_f->t.catalog.revision().value());
            notifier.check();
            QCOMPARE(m_notifier.shown.size(), 1);
        }
        // Nor does a restart: the announced ids live in the settings file.
        ui::ConsoleSettings settings(settingsFile());
        QCOMPARE(settings.notifiedExpiries(m_f->t.catalog.filePath()), QList<qint64> {id});
        ExpiryNotifier restarted(m_f->services, settings, m_notifier);
        restarted.check();
        QCOMPARE(m_notifier.shown.size(), 1);
        // Another catalog's token 1 is another token.
        QVERIFY(settings.notifiedExpiries(QStringLiteral("/elsewhere/catalog.sqlite3")).isEmpty());

        // Once the token has expired it is forgotten, and never announced.
        m_f->t.clock.advanceMs(24 * kHourMs);
        restarted.check();
        QCOMPARE(m_notifier.shown.size(), 1);
        QVERIFY(settings.notifiedExpiries(m_f->t.catalog.filePath()).isEmpty());
    }

    void aCatalogChangeAnnouncesWithoutWaitingForTheTimer()
    {
        ui::ConsoleSettings settings(settingsFile());
        ExpiryNotifier notifier(m_f->services, settings, m_notifier);
        // Another admin issues a token that expires in 12 hours: the revision watcher's poll
        // brings the change, and the notice, long before the minute's check.
        QVERIFY(createToken(QStringLiteral("short-lived"), 12 * kHourMs));
        QTRY_COMPARE(m_notifier.shown.size(), 1);
        QVERIFY(m_notifier.shown.first().second.contains(QStringLiteral("short-lived")));
    }

    void revokedRotatedAndExpiredTokensAreNotAnnounced()
    {
        const qint64 revoked = createToken(QStringLiteral("revoked"), 10 * kHourMs);
        const qint64 rotated = createToken(QStringLiteral("rotated"), 10 * 24 * kHourMs);
        QVERIFY(createToken(QStringLiteral("expired"), kHourMs));
        QVERIFY(revoked && rotated);
        QVERIFY(m_f->t.tokens.revoke(revoked));
        m_f->t.clock.advanceMs(2 * kHourMs); // "expired" is past its expiry now
        // Rotated with a grace period: the old token still works for a while, but ends with the grace.
        auto replacement = m_f->t.tokens.rotate(rotated, 2 * kHourMs);
        QVERIFY(replacement);

        ui::ConsoleSettings settings(settingsFile());
        ExpiryNotifier notifier(m_f->services, settings, m_notifier);
        notifier.check();
        QCOMPARE(m_notifier.shown.size(), 0);
        QVERIFY(!ExpiryNotifier::isDue(*m_f->t.tokens.find(revoked), m_f->t.clock.now()));
    }

    void severalTokensMakeOneNotice()
    {
        QVERIFY(createToken(QStringLiteral("first"), 5 * kHourMs));
        QVERIFY(createToken(QStringLiteral("second"), 6 * kHourMs));
        ui::ConsoleSettings settings(settingsFile());
        ExpiryNotifier notifier(m_f->services, settings, m_notifier);
        notifier.check();
        QCOMPARE(m_notifier.shown.size(), 1);
        QVERIFY(m_notifier.shown.first().first.startsWith(QStringLiteral("2 token")));
        QVERIFY(m_notifier.shown.first().second.contains(QStringLiteral("first")));
        QVERIFY(m_notifier.shown.first().second.contains(QStringLiteral("second")));
        QCOMPARE(settings.notifiedExpiries(m_f->t.catalog.filePath()).size(), 2);
    }
};

QTEST_MAIN(TestExpiryNotifier)
#include "TestExpiryNotifier.moc"
