#include "ui/shell/ConsoleSettings.h"

#include <QCryptographicHash>
#include <QSettings>

namespace gatehouse::ui {

namespace {

const QString kStartGateway = QStringLiteral("gateway/startOnLaunch");
const QString kGatewayPort = QStringLiteral("gateway/port");

// A catalog's path is no QSettings key (slashes make groups): its SHA-1 stands for it.
QString notifiedKey(const QString& catalogPath)
{
    return QStringLiteral("notifications/expiry-")
        + QString::fromLatin1(QCryptographicHash::hash(catalogPath.toUtf8(), QCryptographicHash::Sha1).toHex());
}

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

QList<qint64> ConsoleSettings::notifiedExpiries(const QString& catalogPath) const
{
    QList<qint64> ids;
    const QStringList stored = m_settings->value(notifiedKey(catalogPath)).toStringList();
    for (const QString& text : stored) {
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (ok && id > 0)
            ids.append(id);
    }
    return ids;
}

void ConsoleSettings::setNotifiedExpiries(const QString& catalogPath, const QList<qint64>& tokenIds)
{
    QStringList stored;
    for (qint64 id : tokenIds)
        stored.append(QString::number(id));
    if (stored.isEmpty())
        m_settings->remove(notifiedKey(catalogPath));
    else
        m_settings->setValue(notifiedKey(catalogPath), stored);
    m_settings->sync();
}

} // namespace gatehouse::ui
