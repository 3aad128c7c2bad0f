#include "core/catalog/DataDirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace gatehouse::dataDirectory {

QString locate(const QString& explicitDir)
{
    if (!explicitDir.isEmpty())
        return QDir::cleanPath(QDir::current().absoluteFilePath(explicitDir));
    const QString fromEnvironment = qEnvironmentVariable(kEnvironmentVariable);
    if (!fromEnvironment.isEmpty())
        return QDir::cleanPath(QDir::current().absoluteFilePath(fromEnvironment));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("gatehouse"));
}

Result<QString> prepare(const QString& explicitDir)
{
    const QString path = locate(explicitDir);
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return Error::invalid(QStringLiteral("data-dir"), QStringLiteral("%1 exists and is not a directory").arg(path));
    if (!info.exists()) {
        if (!QDir().mkpath(path))
            return Error::runtime(QStringLiteral("cannot create the data directory %1").arg(path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    return path;
}

} // namespace gatehouse::dataDirectory
