#pragma once

#include "core/common/Result.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonValue>
#include <QTextStream>

#include <functional>
#include <memory>
#include <utility>

namespace gatehouse {
class AliasService;
class ApiService;
class AuditLog;
class Catalog;
class ConsumerService;
class ProviderService;
class TokenService;
namespace secrets {
class SecretStore;
}
} // namespace gatehouse

namespace gatehouse::cli {

enum ExitCode { kExitOk = 0, kExitRuntime = 1, kExitUsage = 2 };

// What every command shares: the global options, the output streams, and the catalog with its
// services, opened on first use.
class CliContext
{
public:
    CliContext();
    ~CliContext();

    bool json = false;
    QString dataDir;

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    // Parses a command's own options. `words` names the command for messages ("token create").
    // Returns false after printing a one-line error (or the help, setting `exitCode` to 0).
    bool parse(
        QCommandLineParser& parser, const QString& words, const QStringList& args, int positionals, int& exitCode);
    static void addGlobalOptions(QCommandLineParser& parser);

    using Subcommand = std::function<int(CliContext&, const QStringList&)>;
    // Runs the subcommand that `args` starts with ("add", "list" ...): prints `usage` for help, and a
    // one-line error naming the group for a missing or unknown subcommand.
    int dispatch(const QString& group, QStringList args, const QString& usage,
        const QList<std::pair<QString, Subcommand>>& subcommands);

    Result<void> open();
    Catalog& catalog() { return *m_catalog; }
    ApiService& apis() { return *m_apis; }
    ConsumerService& consumers() { return *m_consumers; }
    TokenService& tokens() { return *m_tokens; }
    AuditLog& audit() { return *m_audit; }
    ProviderService& providers() { return *m_providers; }
    AliasService& aliases() { return *m_aliases; }
    // Chooses where provider keys live (SecretStoreSelector) on first use, tells the provider service,
    // and prints the fallback notice on stderr. The error says how to get a keychain or a passphrase.
    Result<secrets::SecretStore*> secretStore();

    // Prints "gatehouse-cli: <error>" on stderr and returns its exit code.
    int fail(const Error& error);
    int usage(const QString& message);
    void printJson(const QJsonValue& value);
    void printTable(const QStringList& headers, const QList<QStringList>& rows);

    // A list command's output: a JSON array of toJson(item) with --json, else a table of toRow(item).
    template <typename T, typename ToJson, typename ToRow>
    void printList(const QList<T>& items, ToJson toJson, const QStringList& headers, ToRow toRow)
    {
        if (json) {
            QJsonArray array;
            for (const T& item : items)
                array.append(toJson(item));
            printJson(array);
            return;
        }
        QList<QStringList> rows;
        rows.reserve(items.size());
        for (const T& item : items)
            rows.append(toRow(item));
        printTable(headers, rows);
    }

private:
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<ApiService> m_apis;
    std::unique_ptr<ConsumerService> m_consumers;
    std::unique_ptr<TokenService> m_tokens;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ProviderService> m_providers;
    std::unique_ptr<AliasService> m_aliases;
    std::unique_ptr<secrets::SecretStore> m_secretStore;
    QString m_dataDirectory;
};

} // namespace gatehouse::cli
