#include "app/cli/CliContext.h"
#include "app/cli/CliJson.h"
#include "app/cli/Commands.h"

#include "core/ai/ProviderModelsClient.h"
#include "core/catalog/ProviderService.h"
#include "core/secrets/SecretStore.h"

#include <QFile>
#include <QJsonArray>

#include <openssl/crypto.h>

#include <cstdio>

namespace gatehouse::cli {

namespace {

const QString kUsage = QStringLiteral(
    "usage: gatehouse-cli provider add NAME --type TYPE [--base-url URL] [--model M ...] [--key-stdin]\n"
    "       gatehouse-cli provider list | provider models NAME [--refresh] | provider test NAME\n"
    "       gatehouse-cli provider remove NAME\n"
    "\n"
    "TYPE is one of openai, anthropic, gemini, mistral, ollama, openai-compatible. --key-stdin reads the API key\n"
    "from standard input (for example: gatehouse-cli provider add claude --type anthropic --key-stdin < key.txt).\n"
    "Keys go to the OS keychain, else to the encrypted file secrets.enc in the data directory; they are never\n"
    "printed, logged or written to the catalog.\n");

QString keyState(const Provider& provider)
{
    if (provider.hasKey)
        return QStringLiteral("set");
    return providerType::takesKey(provider.type) ? QStringLiteral("none") : QStringLiteral("not needed");
}

void printProvider(CliContext& context, const Provider& provider)
{
    if (context.json) {
        context.printJson(toJson(provider));
        return;
    }
    context.out() << "name:      " << provider.name << '\n'
                  << "type:      " << providerType::name(provider.type) << '\n'
                  << "base url:  " << provider.baseUrl.toString() << '\n'
                  << "models:    "
                  << (provider.models.isEmpty() ? QStringLiteral("-") : provider.models.join(QStringLiteral(", ")))
                  << '\n'
                  << "key:       " << keyState(provider) << '\n'
                  << "created:   " << displayTime(provider.created) << '\n';
    context.out().flush();
}

// Reads the key from standard input: all of it, surrounding whitespace (the newline of `echo`) trimmed.
Result<SecretBytes> readKeyFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return Error::runtime(QStringLiteral("cannot read standard input"));
    QByteArray raw = in.readAll();
    SecretBytes key(raw.trimmed());
    OPENSSL_cleanse(raw.data(), size_t(raw.size()));
    if (key.isEmpty())
        return Error::invalid(QStringLiteral("key-stdin"), QStringLiteral("standard input held no key"));
    for (char c : key.view()) {
        if (static_cast<unsigned char>(c) < 0x21 || c == 0x7f)
            return Error::invalid(
                QStringLiteral("key-stdin"), QStringLiteral("the key must not contain spaces or control characters"));
    }
    return key;
}

// Lists the provider's models with its stored key.
Result<ai::ProviderModelsClient::Listing> listFromProvider(CliContext& context, const Provider& provider)
{
    QByteArray key;
    if (provider.hasKey) {
        if (auto store = context.secretStore(); !store)
            return store.error();
        auto stored = context.providers().readKey(provider);
        if (!stored)
            return stored.error();
        if (stored->has_value())
            key = (*stored)->view().toByteArray();
    }
    ai::ProviderModelsClient client;
    auto listing = client.listBlocking(provider.type, provider.baseUrl, key);
    if (!key.isEmpty())
        OPENSSL_cleanse(key.data(), size_t(key.size()));
    return listing;
}

int add(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The provider's name."));
    parser.addOptions({{QStringLiteral("type"),
                           QStringLiteral("openai, anthropic, gemini, mistral, ollama or "
                                          "openai-compatible."),
                           QStringLiteral("TYPE")},
        {QStringLiteral("base-url"), QStringLiteral("The provider's base URL (default: its public one)."),
            QStringLiteral("URL")},
        {QStringLiteral("model"), QStringLiteral("A model it offers (repeatable)."), QStringLiteral("MODEL")},
        {QStringLiteral("key-stdin"), QStringLiteral("Read the API key from standard input.")}});
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("provider add"), args, 1, exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("type")))
        return context.usage(QStringLiteral("provider add: --type TYPE is required"));
    ProviderSpec spec;
    spec.name = parser.positionalArguments().at(0);
    spec.type = parser.value(QStringLiteral("type"));
    spec.baseUrl = parser.value(QStringLiteral("base-url"));
    spec.models = parser.values(QStringLiteral("model"));
    std::optional<SecretBytes> key;
    if (parser.isSet(QStringLiteral("key-stdin"))) {
        auto read = readKeyFromStdin();
        if (!read)
            return context.fail(read.error());
        key.emplace(std::move(*read));
    }
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    if (key) {
        if (auto store = context.secretStore(); !store)
            return context.fail(store.error());
    }
    auto added = context.providers().add(spec, std::move(key));
    if (!added) {
        Error error = added.error();
        if (error.field == QLatin1StringView("key"))
            error.message += QStringLiteral(" (give it on standard input with --key-stdin)");
        return context.fail(error);
    }
    printProvider(context, *added);
    return kExitOk;
}

int list(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("provider list"), args, 0, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto providers = context.providers().list();
    if (!providers)
        return context.fail(providers.error());
    context.printList(
        *providers, [](const Provider& provider) { return toJson(provider); },
        {QStringLiteral("NAME"), QStringLiteral("TYPE"), QStringLiteral("BASE URL"), QStringLiteral("MODELS"),
            QStringLiteral("KEY")},
        [](const Provider& provider) {
            return QStringList {provider.name, providerType::name(provider.type), provider.baseUrl.toString(),
                QString::number(provider.models.size()), keyState(provider)};
        });
    return kExitOk;
}

int models(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The provider's name."));
    parser.addOption({QStringLiteral("refresh"), QStringLiteral("List them from the provider and remember them.")});
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("provider models"), args, 1, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto provider = context.providers().find(parser.positionalArguments().at(0));
    if (!provider)
        return context.fail(provider.error());
    if (parser.isSet(QStringLiteral("refresh"))) {
        auto listing = listFromProvider(context, *provider);
        if (!listing)
            return context.fail(listing.error());
        auto updated = context.providers().setModels(provider->name, listing->models, true);
        if (!updated)
            return context.fail(updated.error());
        provider = std::move(updated);
    }
    if (context.json) {
        context.printJson(QJsonObject {{QStringLiteral("provider"), provider->name},
            {QStringLiteral("models"), QJsonArray::fromStringList(provider->models)},
            {QStringLiteral("refreshed"), isoTime(provider->modelsRefreshed)}});
        return kExitOk;
    }
    for (const QString& model : provider->models)
        context.out() << model << '\n';
    context.out().flush();
    return kExitOk;
}

int test(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The provider's name."));
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("provider test"), args, 1, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    auto provider = context.providers().find(parser.positionalArguments().at(0));
    if (!provider)
        return context.fail(provider.error());
    auto listing = listFromProvider(context, *provider);
    if (context.json) {
        QJsonObject result {{QStringLiteral("provider"), provider->name}, {QStringLiteral("ok"), listing.ok()}};
        if (listing) {
            result.insert(QStringLiteral("latency_ms"), listing->latencyMs);
            result.insert(QStringLiteral("models"), listing->models.size());
        } else {
            result.insert(QStringLiteral("error"), listing.error().message);
        }
        context.printJson(result);
    }
    if (!listing) {
        // A failed connection is a runtime failure whatever the error's kind.
        if (!context.json)
            context.err() << "gatehouse-cli: provider test " << provider->name << ": " << listing.error().message
                          << Qt::endl;
        return kExitRuntime;
    }
    if (!context.json) {
        context.out() << "ok: " << provider->name << " answered in " << listing->latencyMs << " ms, "
                      << listing->models.size() << " models" << Qt::endl;
    }
    return kExitOk;
}

int remove(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The provider's name."));
    int exitCode = 0;
    if (!context.parse(parser, QStringLiteral("provider remove"), args, 1, exitCode))
        return exitCode;
    if (auto opened = context.open(); !opened)
        return context.fail(opened.error());
    const QString name = parser.positionalArguments().at(0);
    auto provider = context.providers().find(name);
    if (!provider)
        return context.fail(provider.error());
    if (provider->hasKey) {
        if (auto store = context.secretStore(); !store)
            return context.fail(store.error());
    }
    if (auto removed = context.providers().remove(name); !removed)
        return context.fail(removed.error());
    if (context.json)
        context.printJson(QJsonObject {{QStringLiteral("removed"), name}});
    else
        context.out() << "Removed provider " << name << (provider->hasKey ? " and its key" : "") << Qt::endl;
    return kExitOk;
}

} // namespace

int runProviderCommand(CliContext& context, QStringList args)
{
    return context.dispatch(QStringLiteral("provider"), std::move(args), kUsage,
        {{QStringLiteral("add"), add}, {QStringLiteral("list"), list}, {QStringLiteral("models"), models},
            {QStringLiteral("test"), test}, {QStringLiteral("remove"), remove}});
}

} // namespace gatehouse::cli
