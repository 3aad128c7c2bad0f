#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace gatehouse {

// An upstream HTTP API that the gateway exposes under a path prefix.
struct Api
{
    qint64 id = 0;
    QString name;
    QUrl upstream;
    QString prefix; // normalised: starts with '/', no trailing '/' (except "/" itself)
    bool stripPrefix = false;
    qint64 timeoutMs = 30'000;
    qint64 maxBodyBytes = 10 * 1024 * 1024; // larger request bodies get 413
    QString rateLimit; // per-token default on this API: "100/s", "600/m", "" for none
    QDateTime created;
    QDateTime updated;

    bool operator==(const Api&) const = default;
};

// What an admin supplies to add or edit an API; validated by ApiService.
struct ApiSpec
{
    QString name;
    QString upstream;
    QString prefix; // empty means "/<name>"
    bool stripPrefix = false;
    qint64 timeoutMs = 30'000;
    qint64 maxBodyBytes = 10 * 1024 * 1024;
    QString rateLimit;
};

} // namespace gatehouse
