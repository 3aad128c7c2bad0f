#include "ui/shell/ConsolePages.h"

#include "ui/apis/ApisPage.h"
#include "ui/audit/AuditPage.h"
#include "ui/common/ConsoleServices.h"
#include "ui/consumers/ConsumersPage.h"
#include "ui/livelog/LiveLogPage.h"
#include "ui/overview/OverviewPage.h"
#include "ui/providers/ProvidersPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/timeline/TimelinePage.h"
#include "ui/tokens/TokensPage.h"

namespace gatehouse::ui {

void addConsolePages(MainWindow& window, ConsoleServices& services, gateway::GatewayControl* engine)
{
    auto* overview = new OverviewPage(services, engine);
    window.addPage(overview);
    window.addPage(new ApisPage(services));
    window.addPage(new ConsumersPage(services));
    auto* tokens = new TokensPage(services);
    window.addPage(tokens);
    window.addPage(new ProvidersPage(services));
    auto* liveLog = new LiveLogPage(services, engine);
    window.addPage(liveLog);
    auto* timeline = new TimelinePage(services);
    window.addPage(timeline);
    window.addPage(new AuditPage(services));

    QObject::connect(liveLog, &LiveLogPage::showTokenRequested, tokens, [&window, tokens](qint64 id) {
        window.showPage(tokens->title());
        tokens->showToken(id);
    });
    QObject::connect(timeline, &TimelinePage::tokenActivated, tokens, [&window, tokens](qint64 id) {
        window.showPage(tokens->title());
        tokens->showToken(id);
    });
    QObject::connect(overview, &OverviewPage::tokenActivated, tokens, [&window, tokens](qint64 id) {
        window.showPage(tokens->title());
        tokens->showToken(id);
    });
    QObject::connect(timeline, &TimelinePage::rotateRequested, tokens, &TokensPage::rotate);
}

} // namespace gatehouse::ui
