#pragma once

#include "core/ai/AiAdapter.h"
#include "core/gateway/Route.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace gatehouse::gateway {

// One AI provider as the gateway reaches it: where, how (its adapter) and with which key. Built with the snapshot,
// so the request path never asks the secret store.
struct AiProviderRoute
{
    qint64 id = 0;
    QString name;
    QString type; // "anthropic", "gemini", "openai", ...: the wire format
    std::shared_ptr<const AiAdapter> adapter;
    // Where it is, made once per snapshot: host, port, TLS, base path ("" or "/v1"), Host header, pool key, and the
    // AI timeouts and body limit. An exchange routes through it as through an API's route.
    Route upstream;
    QByteArray apiKey; // empty: none stored (Ollama, a local server), or the secret store could not be read
    bool keyExpected = false; // the catalog says a key is stored: an empty apiKey then means it is unavailable
    QStringList models;
    qint64 version = 0; // the catalog row's updated_at: the key read for an older version is read again
};

// A model a client names: PROVIDER/MODEL, or an alias's target.
struct AiModelRef
{
    QString provider;
    QString model;
};

struct AiAliasRoute
{
    QString name;
    QList<AiModelRef> targets; // the target, then its fallbacks in order
};

// The AI part of a snapshot.
class AiCatalog
{
public:
    AiCatalog() = default;
    AiCatalog(QString catalogId, QList<AiProviderRoute> providers, QList<AiAliasRoute> aliases);

    // The catalog's random id, which namespaces its keys in the secret store.
    const QString& catalogId() const { return m_catalogId; }
    const AiProviderRoute* provider(QStringView name) const;
    const AiAliasRoute* alias(QStringView name) const;
    const QList<AiProviderRoute>& providers() const { return m_providers; }
    const QList<AiAliasRoute>& aliases() const { return m_aliases; }

    // What a client's "model" names, in the order to try: an alias's targets, or the one PROVIDER/MODEL.
    // Empty when it names neither (an unknown alias, a provider that does not exist).
    QList<AiModelRef> resolve(QStringView model) const;

private:
    QString m_catalogId;
    QList<AiProviderRoute> m_providers;
    QList<AiAliasRoute> m_aliases;
};

} // namespace gatehouse::gateway
