#include "app/cli/CliContext.h"

#include "core/catalog/AliasService.h"
#include "core/catalog/ApiService.h"
#include "core/catalog/AuditLog.h"
#include "core/catalog/Catalog.h"
#include "core/catalog/ConsumerService.h"
#include "core/catalog/DataDirectory.h"
#include "core/catalog/ProviderService.h"
#include "core/catalog/TokenService.h"
#include "core/common/Actor.h"
#include "core/common/Clock.h"
#include "core/secrets/SecretStoreSelector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace gatehouse::cli {

CliContext::CliContext()
    : m_out(stdout)
    , m_err(stderr)
{ }

CliContext::~CliContext() = default;

void CliContext::addGlobalOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print machine-readable JSON.")});
    parser.addOption(
        {QStringLiteral("data-dir"), QStringLiteral("The directory holding the catalog."), QStringLiteral("DIR")});
    parser.addHelpOption();
}

bool CliContext::parse(
    QCommandLineParser& parser, const QString& words, const QStringList& args, int positionals, int& exitCode)
{
    addGlobalOptions(parser);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList {QStringLiteral("gatehouse-cli ") + words} + args)) {
        exitCode = usage(words + QStringLiteral(": ") + parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        m_out.flush();
        exitCode = kExitOk;
        return false;
    }
    if (parser.isSet(QStringLiteral("json")))
        json = true;
    if (parser.isSet(QStringLiteral("data-dir")))
        dataDir = parser.value(QStringLiteral("data-dir"));
    const qsizetype given = parser.positionalArguments().size();
    if (given != positionals) {
        exitCode = usage(given < positionals ? words + QStringLiteral(": missing argument (see --help)")
                                             : words
                    + QStringLiteral(": unexpected argument \"%1\"").arg(parser.positionalArguments().at(positionals)));
        return false;
    }
    return true;
}

int CliContext::dispatch(const QString& group, QStringList args, const QString& usageText,
    const QList<std::pair<QString, Subcommand>>& subcommands)
{
    const QString verb = args.isEmpty() ? QString() : args.takeFirst();
    for (const auto& [name, run] : subcommands) {
        if (verb == name)
            return run(*this, args);
    }
    if (verb == QLatin1StringView("--help") || verb == QLatin1StringView("-h") || verb == QLatin1StringView("help")) {
        m_out << usageText;
        m_out.flush();
        return kExitOk;
    }
    const QString hint = QStringLiteral(" (see gatehouse-cli %1 --help)").arg(group);
    return usage(verb.isEmpty() ? group + QStringLiteral(": a subcommand is required") + hint
                                : group + QStringLiteral(": unknown subcommand \"%1\"").arg(verb) + hint);
}

Result<void> CliContext::open()
{
    if (m_catalog)
        return {};
    auto directory = dataDirectory::prepare(dataDir);
    if (!directory)
        return directory.error();
    auto catalog = std::make_unique<Catalog>(Clock::system());
    if (auto opened = catalog->openInDirectory(*directory); !opened)
        return opened.error();
    m_catalog = std::move(catalog);
    const QString actor = localActor(u"cli");
    m_apis = std::make_unique<ApiService>(*m_catalog, actor);
    m_consumers = std::make_unique<ConsumerService>(*m_catalog, actor);
    m_tokens = std::make_unique<TokenService>(*m_catalog, actor);
    m_audit = std::make_unique<AuditLog>(*m_catalog);
    m_providers = std::make_unique<ProviderService>(*m_catalog, actor);
    m_aliases = std::make_unique<AliasService>(*m_catalog, actor);
    m_dataDirectory = *directory;
    return {};
}

Result<secrets::SecretStore*> CliContext::secretStore()
{
    if (m_secretStore)
        return m_secretStore.get();
    if (auto opened = open(); !opened)
        return opened.error();
    auto selection = secrets::SecretStoreSelector::select(m_dataDirectory);
    if (!selection)
        return selection.error();
    if (!selection->notice.isEmpty())
        m_err << "gatehouse-cli: note: " << selection->notice << Qt::endl;
    m_secretStore = std::move(selection->store);
    m_providers->setSecretStore(m_secretStore.get());
    return m_secretStore.get();
}

int CliContext::fail(const Error& error)
{
    QString line = error.toString();
    line.replace(u'\n', u' ');
    m_err << "gatehouse-cli: " << line << Qt::endl;
    return error.isUsageError() ? kExitUsage : kExitRuntime;
}

int CliContext::usage(const QString& message)
{
    return fail(Error::invalid(QString(), message));
}

void CliContext::printJson(const QJsonValue& value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << document.toJson(QJsonDocument::Indented);
    m_out.flush();
}

void CliContext::printTable(const QStringList& headers, const QList<QStringList>& rows)
{
    QList<qsizetype> widths;
    for (const QString& header : headers)
        widths.append(header.size());
    for (const QStringList& row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row[i].size());
    }
    auto printRow = [&](const QStringList& cells) {
        QString line;
        for (qsizetype i = 0; i < cells.size(); ++i)
            line += i + 1 < cells.size() ? cells[i].leftJustified(widths[i] + 2) : cells[i];
        m_out << line << '\n';
    };
    printRow(headers);
    for (const QStringList& row : rows)
        printRow(row);
    m_out.flush();
}

} // namespace gatehouse::cli
