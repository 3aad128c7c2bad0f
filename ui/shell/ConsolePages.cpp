#include "ui/shell/ConsolePages.h"

#include "ui/apis/ApisPage.h"
#include "ui/audit/AuditPage.h"
#include "ui/common/ConsoleServices.h"
#include "ui/consumers/ConsumersPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PlaceholderPage.h"
#include "ui/tokens/TokensPage.h"

#include <QCoreApplication>

namespace gatehouse::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ConsolePages", text);
}

} // namespace

void addConsolePages(MainWindow& window, ConsoleServices& services)
{
    window.addPage(new PlaceholderPage(
        tr("Overview"), tr("Traffic, errors and tokens at a glance arrive with the live log (next release).")));
    window.addPage(new ApisPage(services));
    window.addPage(new ConsumersPage(services));
    window.addPage(new TokensPage(services));
    window.addPage(new PlaceholderPage(tr("AI Providers"),
        tr("AI providers (OpenAI, Anthropic, Mistral, Gemini, Ollama) with keys in the system keychain arrive in a "
           "later release.")));
    window.addPage(new PlaceholderPage(tr("Live Log"),
        tr("The live request log arrives in the next release; `gatehouse-cli logs --follow` shows it today.")));
    window.addPage(
        new PlaceholderPage(tr("Timeline"), tr("The expiry timeline of every token arrives in the next release.")));
    window.addPage(new AuditPage(services));
}

} // namespace gatehouse::ui
