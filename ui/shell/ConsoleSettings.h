#pragma once

#include <QString>

#include <memory>

class QSettings;

namespace gatehouse::ui {

// The console's own preferences (not the catalog's): whether the gateway starts with the window
// and on which port. Stored with QSettings in the user's config directory; tests pass a file.
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

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace gatehouse::ui
