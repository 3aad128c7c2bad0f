#pragma once

#include <QStringList>

namespace gatehouse::cli {

class CliContext;

// Each command group takes the words after its name ("add billing --upstream ...") and returns
// the process's exit code: 0 done, 2 bad usage or invalid input, 1 a runtime failure.
int runApiCommand(CliContext& context, QStringList args);
int runConsumerCommand(CliContext& context, QStringList args);
int runTokenCommand(CliContext& context, QStringList args);
int runAuditCommand(CliContext& context, QStringList args);
int runDemoCommand(CliContext& context, QStringList args);
int runServeCommand(CliContext& context, QStringList args);
int runLogsCommand(CliContext& context, QStringList args);
int runProviderCommand(CliContext& context, QStringList args);
int runAliasCommand(CliContext& context, QStringList args);
int runUsageCommand(CliContext& context, QStringList args);

} // namespace gatehouse::cli
