#pragma once

namespace gatehouse::gateway {
class GatewayControl;
}

namespace gatehouse::ui {

class ConsoleServices;
class MainWindow;

// Fills the sidebar in its fixed order: Overview, APIs, Consumers, Tokens, AI Providers,
// Live Log, Timeline, Audit; and connects the pages that lead to one another ("show token").
// `engine`: the console's own gateway, whose batches wake the live log at once (may be null).
void addConsolePages(MainWindow& window, ConsoleServices& services, gateway::GatewayControl* engine);

} // namespace gatehouse::ui
