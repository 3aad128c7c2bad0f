#include "ui/shell/ConsoleSettings.h"

#include <QSettings>

namespace gatehouse::ui {

namespace {

const QString kStartGateway = QStringLiteral("gateway/startOnLaunch");
const QString kGatewayPort = QStringLiteral("gateway/port");

} // namespace

ConsoleSettings::ConsoleSettings()
    : m_settings(std::make_unique<QSettings>(
        QSettings::IniFormat, QSettings::UserScope, QStringLiteral("gatehouse"), QStringLiteral("gatehouse")))
{ }

ConsoleSettings::ConsoleSettings(const QString& filePath)
    : m_settings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
{ }

ConsoleSettings::~ConsoleSettings() = default;

bool ConsoleSettings::startGatewayOnLaunch() const
{
    return m_settings->value(kStartGateway, true).toBool();
}

void ConsoleSettings::setStartGatewayOnLaunch(bool start)
{
    m_settings->setValue(kStartGateway, start);
    m_settings->sync();
}

quint16 ConsoleSettings::gatewayPort() const
{
    bool ok = false;
    const int port = m_settings->value(kGatewayPort, kDefaultGatewayPort).toInt(&ok);
    return ok && port > 0 && port <= 65535 ? quint16(port) : kDefaultGatewayPort;
}

void ConsoleSettings::setGatewayPort(quint16 port)
{
    m_settings->setValue(kGatewayPort, port);
    m_settings->sync();
}

} // namespace gatehouse::ui
