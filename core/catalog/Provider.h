#pragma once

#include "core/catalog/ProviderType.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace gatehouse {

// An AI provider the gateway reaches with its own key. The key itself lives in the secret store
// (core/secrets), never in the catalog: `hasKey` only says that one was stored.
struct Provider
{
    qint64 id = 0;
    QString name;
    ProviderType type = ProviderType::OpenAi;
    QUrl baseUrl;
    QStringList models; // as entered, or as last listed from the provider
    QDateTime modelsRefreshed; // when `models` was last listed from the provider; invalid if entered by hand
    bool hasKey = false;
    QDateTime created;
    QDateTime updated;

    bool operator==(const Provider&) const = default;
};

// What an admin supplies to add or edit a provider; validated by ProviderService.
struct ProviderSpec
{
    QString name;
    QString type; // a providerType name
    QString baseUrl; // empty: the type's default (required for openai-compatible)
    QStringList models;
};

} // namespace gatehouse
