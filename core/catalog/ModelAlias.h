#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace gatehouse {

// One model a client may ask for: a provider's name and that provider's model id.
struct ModelTarget
{
    QString provider;
    QString model;

    QString toString() const { return provider + u'/' + model; } // "anthropic/claude-sonnet-4-5"
    bool operator==(const ModelTarget&) const = default;
};

// A name such as "fast" or "smart" that a client asks for instead of PROVIDER/MODEL. The gateway
// sends the request to the first target, and to the next ones in order when one fails before any
// byte has reached the client.
struct ModelAlias
{
    qint64 id = 0;
    QString name;
    QList<ModelTarget> targets; // the target first, then the fallbacks
    QDateTime created;

    bool operator==(const ModelAlias&) const = default;
};

} // namespace gatehouse
