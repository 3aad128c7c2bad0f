#pragma once

namespace gatehouse::ui {

class ConsoleServices;
class MainWindow;

// Fills the sidebar in its fixed order: Overview, APIs, Consumers, Tokens, AI Providers,
// Live Log, Timeline, Audit.
void addConsolePages(MainWindow& window, ConsoleServices& services);

} // namespace gatehouse::ui
