#include "core/ai/ProviderModelsClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QUrlQuery>

#include <memory>

namespace gatehouse::ai {

namespace {

QUrl withPath(const QUrl& base, QStringView suffix)
{
    QUrl url = base;
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + suffix);
    return url;
}

bool isOpenAiStyle(ProviderType type)
{
    return type == ProviderType::OpenAi || type == ProviderType::Mistral || type == ProviderType::OpenAiCompatible;
}

// The provider's own words about a failure: {"error": {"message": ...}} (OpenAI, Anthropic, Gemini,
// Mistral) or {"error": "..."} (Ollama) or {"message": ...}; else the start of the body.
QString providerMessage(const QByteArray& body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue error = object.value(QStringLiteral("error"));
    QString message;
    if (error.isObject())
        message = error.toObject().value(QStringLiteral("message")).toString();
    else if (error.isString())
        message = error.toString();
    if (message.isEmpty())
        message = object.value(QStringLiteral("message")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(200)).simplified();
    return message.left(300);
}

} // namespace

struct ProviderModelsClient::Request
{
    ProviderType type = ProviderType::OpenAi;
    QUrl base;
    QByteArray key;
    Callback done;
    QStringList models;
    QElapsedTimer elapsed;
    int pages = 0;

    ~Request() { key.fill('\0'); }

    // Never let the key through, whatever the provider or Qt echo back.
    QString scrub(QString text) const
    {
        if (key.size() >= 4)
            text.replace(QString::fromUtf8(key), QStringLiteral("[redacted]"));
        return text;
    }
    void fail(const QString& message)
    {
        Callback callback = std::move(done);
        done = nullptr;
        if (callback)
            callback(Error::runtime(scrub(message)));
    }
};

ProviderModelsClient::ProviderModelsClient(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network ? network : new QNetworkAccessManager(this))
{ }

ProviderModelsClient::~ProviderModelsClient() = default;

QUrl ProviderModelsClient::modelsUrl(ProviderType type, const QUrl& baseUrl)
{
    switch (type) {
    case ProviderType::Anthropic:
        return withPath(baseUrl, u"/v1/models");
    case ProviderType::Gemini:
        return withPath(baseUrl, u"/v1beta/models");
    case ProviderType::Ollama:
        return withPath(baseUrl, u"/api/tags");
    case ProviderType::OpenAi:
    case ProviderType::Mistral:
    case ProviderType::OpenAiCompatible:
        break;
    }
    return withPath(baseUrl, u"/models");
}

void ProviderModelsClient::list(ProviderType type, const QUrl& baseUrl, const QByteArray& key, Callback done)
{
    auto request = std::make_shared<Request>();
    request->type = type;
    request->base = baseUrl;
    request->key = QByteArray(key.constData(), key.size());
    request->done = std::move(done);
    request->elapsed.start();
    QUrl url = modelsUrl(type, baseUrl);
    // Ask for the largest pages the APIs allow (Anthropic: 1000, Gemini: 1000), to need few round trips.
    if (type == ProviderType::Anthropic || type == ProviderType::Gemini) {
        QUrlQuery query;
        query.addQueryItem(type == ProviderType::Anthropic ? QStringLiteral("limit") : QStringLiteral("pageSize"),
            QStringLiteral("1000"));
        url.setQuery(query);
    }
    fetch(std::move(request), url);
}

void ProviderModelsClient::fetch(std::shared_ptr<Request> request, const QUrl& url)
{
    QNetworkRequest http(url);
    http.setRawHeader("Accept", "application/json");
    // A redirect would carry the key to wherever it points: refuse it and say where it went instead.
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    http.setTransferTimeout(m_timeoutMs);
    if (!request->key.isEmpty()) {
        if (isOpenAiStyle(request->type) || request->type == ProviderType::Ollama)
            http.setRawHeader("Authorization", "Bearer " + request->key);
        else if (request->type == ProviderType::Anthropic)
            http.setRawHeader("x-api-key", request->key);
        else if (request->type == ProviderType::Gemini)
            http.setRawHeader("x-goog-api-key", request->key);
    }
    if (request->type == ProviderType::Anthropic)
        http.setRawHeader("anthropic-version", "2023-06-01");
    ++request->pages;
    QNetworkReply* reply = m_network->get(http);
    connect(reply, &QNetworkReply::finished, this, [this, request, reply] { finished(request, reply); });
}

void ProviderModelsClient::finished(std::shared_ptr<Request> request, QNetworkReply* reply)
{
    reply->deleteLater();
    const QUrl url = reply->url();
    const QString where = url.adjusted(QUrl::RemoveQuery).toString();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        const QString reason = reply->error() == QNetworkReply::OperationCanceledError
            ? QStringLiteral("no answer within %1 s").arg(m_timeoutMs / 1000)
            : reply->errorString();
        request->fail(QStringLiteral("cannot reach %1: %2").arg(where, reason));
        return;
    }
    if (status >= 300 && status < 400) {
        request->fail(QStringLiteral("%1 answered HTTP %2, redirecting to %3; set the base URL to where it points")
                          .arg(where)
                          .arg(status)
                          .arg(QString::fromUtf8(reply->rawHeader("Location"))));
        return;
    }
    if (status == 401 || status == 403) {
        request->fail(QStringLiteral("the provider refused the API key (HTTP %1 from %2): %3")
                          .arg(status)
                          .arg(where, providerMessage(body)));
        return;
    }
    if (status < 200 || status >= 300) {
        request->fail(QStringLiteral("HTTP %1 from %2: %3").arg(status).arg(where, providerMessage(body)));
        return;
    }

    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        request->fail(QStringLiteral("%1 did not answer with a JSON object: %2").arg(where, parseError.errorString()));
        return;
    }
    const QJsonObject object = document.object();
    const bool listsInData = isOpenAiStyle(request->type) || request->type == ProviderType::Anthropic;
    const QString arrayName = listsInData ? QStringLiteral("data") : QStringLiteral("models");
    const QString idName = listsInData ? QStringLiteral("id") : QStringLiteral("name");
    const QJsonValue array = object.value(arrayName);
    if (!array.isArray()) {
        request->fail(QStringLiteral("%1 answered without the \"%2\" list of models").arg(where, arrayName));
        return;
    }
    for (const QJsonValue& entry : array.toArray()) {
        QString id = entry.toObject().value(idName).toString();
        if (request->type == ProviderType::Gemini && id.startsWith(QLatin1StringView("models/")))
            id = id.mid(7);
        if (id.isEmpty()) {
            request->fail(QStringLiteral("%1 listed a model without \"%2\"").arg(where, idName));
            return;
        }
        if (!request->models.contains(id))
            request->models.append(id);
    }

    // Follow the pages of the APIs that have them.
    QUrl next;
    if (request->type == ProviderType::Anthropic && object.value(QStringLiteral("has_more")).toBool()) {
        const QString last = object.value(QStringLiteral("last_id")).toString();
        if (!last.isEmpty()) {
            next = url;
            QUrlQuery query(url);
            query.removeAllQueryItems(QStringLiteral("after_id"));
            query.addQueryItem(QStringLiteral("after_id"), last);
            next.setQuery(query);
        }
    } else if (request->type == ProviderType::Gemini) {
        const QString token = object.value(QStringLiteral("nextPageToken")).toString();
        if (!token.isEmpty()) {
            next = url;
            QUrlQuery query(url);
            query.removeAllQueryItems(QStringLiteral("pageToken"));
            query.addQueryItem(QStringLiteral("pageToken"), token);
            next.setQuery(query);
        }
    }
    if (next.isValid() && request->pages < kMaxPages) {
        fetch(request, next);
        return;
    }

    Callback callback = std::move(request->done);
    request->done = nullptr;
    if (callback)
        callback(Listing {request->models, request->elapsed.elapsed()});
}

Result<ProviderModelsClient::Listing> ProviderModelsClient::listBlocking(
    ProviderType type, const QUrl& baseUrl, const QByteArray& key)
{
    std::optional<Result<Listing>> outcome;
    QEventLoop loop;
    list(type, baseUrl, key, [&outcome, &loop](Result<Listing> result) {
        outcome.emplace(std::move(result));
        loop.quit();
    });
    // The transfer timeout of every page bounds the wait.
    if (!outcome)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return std::move(*outcome);
}

} // namespace gatehouse::ai
