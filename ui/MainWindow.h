#pragma once

#include <QMainWindow>

class QLabel;

namespace gatehouse {

class Catalog;

// The console's main window. For now it shows which catalog is loaded and what it holds; the
// pages (APIs, consumers, tokens, live log, timeline) come with the console issue.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Catalog& catalog, QWidget* parent = nullptr);

    QString summaryText() const;

private:
    void refresh();

    Catalog& m_catalog;
    QLabel* m_summary = nullptr;
};

} // namespace gatehouse
