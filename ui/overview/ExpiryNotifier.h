#pragma once

#include <QObject>
#include <QSet>

class QTimer;

namespace gatehouse {
struct Token;
}

namespace gatehouse::ui {

class ConsoleServices;
class ConsoleSettings;
class Notifier;

// Warns a day before a token expires, once per token: checks on a timer and whenever the catalog
// moves, with time from the services' Clock (tests move a ManualClock). The tokens already
// announced are kept in ConsoleSettings, so a restart does not announce them again. A token that
// was revoked, rotated away or has already expired is never announced.
class ExpiryNotifier : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kNoticeMs = 24LL * 3600 * 1000;
    static constexpr int kCheckIntervalMs = 60'000;

    ExpiryNotifier(ConsoleServices& services, ConsoleSettings& settings, Notifier& notifier, QObject* parent = nullptr);

    // Announces the tokens that expire within a day and were not announced yet.
    void check();
    // Whether `token` is due for the notice at `now`.
    static bool isDue(const Token& token, const QDateTime& now);

private:
    ConsoleServices& m_services;
    ConsoleSettings& m_settings;
    Notifier& m_notifier;
    QTimer* m_timer = nullptr;
};

} // namespace gatehouse::ui
