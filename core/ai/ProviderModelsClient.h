#pragma once

#include "core/catalog/ProviderType.h"
#include "core/common/Result.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace gatehouse::ai {

// Lists a provider's models from its documented models endpoint, admin side only (the console's
// "Refresh models" and "Test connection", `gatehouse-cli provider models --refresh` and
// `provider test`). Never used on the gateway's request path.
//
//   openai, mistral, openai-compatible  GET {base}/models           Authorization: Bearer KEY   data[].id
//   anthropic                           GET {base}/v1/models        x-api-key, anthropic-version  data[].id (pages)
//   gemini                              GET {base}/v1beta/models    x-goog-api-key   models[].name minus "models/"
//   (pages) ollama                              GET {base}/api/tags         (no key)         models[].name
//
// Error messages never contain the key: it is cut out of anything the provider sends back.
class ProviderModelsClient : public QObject
{
    Q_OBJECT

public:
    struct Listing
    {
        QStringList models; // in the provider's order, without duplicates
        qint64 latencyMs = 0; // from the first request to the last answer
    };
    using Callback = std::function<void(Result<Listing>)>;

    static constexpr int kDefaultTimeoutMs = 15'000;
    static constexpr int kMaxPages = 20;

    // `network` may be shared (it is not owned); by default the client makes its own.
    explicit ProviderModelsClient(QNetworkAccessManager* network = nullptr, QObject* parent = nullptr);
    ~ProviderModelsClient() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Asynchronous: `done` runs on this object's thread once, unless the client is destroyed first.
    void list(ProviderType type, const QUrl& baseUrl, const QByteArray& key, Callback done);
    // Blocking form for the CLI: waits on a local event loop.
    Result<Listing> listBlocking(ProviderType type, const QUrl& baseUrl, const QByteArray& key);

    // The first page's URL for a type and base URL (exposed for tests and messages).
    static QUrl modelsUrl(ProviderType type, const QUrl& baseUrl);

private:
    struct Request;
    void fetch(std::shared_ptr<Request> request, const QUrl& url);
    void finished(std::shared_ptr<Request> request, QNetworkReply* reply);

    QNetworkAccessManager* m_network = nullptr;
    int m_timeoutMs = kDefaultTimeoutMs;
};

} // namespace gatehouse::ai
