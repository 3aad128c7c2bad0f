#pragma once

#include "ui/common/Page.h"

#include <QHash>
#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace gatehouse::ui {

class ConsoleServices;
class ConsoleSettings;
class GatewayController;
class GatewayToolBar;

// The console's frame: a sidebar of pages, the gateway toolbar, the actions every page shares
// (New, Edit, Remove, Revoke, Find, Refresh) with their shortcuts, and a status bar with the
// gateway's requests per second and open connections. It owns no business logic: the pages call
// the core services, and the actions ask the current page what they mean.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(
        ConsoleServices& services, GatewayController& gateway, ConsoleSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Appends a page to the sidebar, in order. The window takes ownership.
    void addPage(Page* page);
    void showPage(const QString& title);
    Page* currentPage() const;
    Page* page(const QString& title) const;
    QStringList pageTitles() const;

    QAction* action(PageAction action) const { return m_actions.value(action); }
    GatewayToolBar* gatewayToolBar() const { return m_gatewayBar; }
    QString statusText() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void updateActions();
    void updateStatus();
    void onPageChanged(int row);

    ConsoleServices& m_services;
    GatewayController& m_gateway;
    ConsoleSettings& m_settings;
    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_pages = nullptr;
    GatewayToolBar* m_gatewayBar = nullptr;
    QHash<PageAction, QAction*> m_actions;
    QAction* m_startOnLaunch = nullptr;
    QLabel* m_traffic = nullptr;
    QLabel* m_catalogLabel = nullptr;
};

} // namespace gatehouse::ui
