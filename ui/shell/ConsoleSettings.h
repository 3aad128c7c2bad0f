#pragma once

#include <QList>
#include <QString>

#include <memory>

class QSettings;

namespace gatehouse::ui {

// The console's own preferences (not the catalog's): whether the gateway starts with the window
// and on which port; which tokens' expiry was already announced. Stored with QSettings in the user's config directory;
// tests pass a file.
class ConsoleSettings
{
public:
    static constexpr quint16 kDefaultGatewayPort = 8080;

    // The user's settings file (~/.config/gatehouse/gatehouse.conf).
    ConsoleSettings();
    // A settings file of the caller's choosing (tests).
    explicit ConsoleSettings(const QString& filePath);
    ~ConsoleSettings();

    bool startGatewayOnLaunch() const;
    void setStartGatewayOnLaunch(bool start);

    quint16 gatewayPort() const;
    void setGatewayPort(quint16 port);

    // The tokens of the catalog at `catalogPath` whose coming expiry was already announced by a
    // desktop notification (ExpiryNotifier): once per token, across restarts. Kept per catalog,
    // since token ids are only unique within one.
    QList<qint64> notifiedExpiries(const QString& catalogPath) const;
    void setNotifiedExpiries(const QString& catalogPath, const QList<qint64>& tokenIds);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace gatehouse::ui
