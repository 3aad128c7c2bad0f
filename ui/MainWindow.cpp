#include "ui/MainWindow.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/SqlQuery.h"

#include <QIcon>
#include <QLabel>
#include <QStatusBar>

namespace gatehouse {

namespace {

// Counts rows through the core's query helper: the UI asks the core, never the driver.
qint64 countRows(const Catalog& catalog, const QString& table)
{
    auto query = sql::exec(catalog.database(), QStringLiteral("SELECT count(*) FROM ") + table);
    return query && query->next() ? query->value(0).toLongLong() : -1;
}

} // namespace

MainWindow::MainWindow(Catalog& catalog, QWidget* parent)
    : QMainWindow(parent)
    , m_catalog(catalog)
{
    setWindowTitle(tr("Gatehouse"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gatehouse.svg")));
    resize(1000, 640);
    m_summary = new QLabel(this);
    m_summary->setAlignment(Qt::AlignCenter);
    m_summary->setObjectName(QStringLiteral("catalogSummary"));
    setCentralWidget(m_summary);
    connect(&m_catalog, &Catalog::changed, this, &MainWindow::refresh);
    refresh();
}

QString MainWindow::summaryText() const
{
    return m_summary->text();
}

void MainWindow::refresh()
{
    const auto revision = m_catalog.revision();
    m_summary->setText(tr("Catalog %1\n%2 APIs, %3 consumers, %4 tokens")
                           .arg(m_catalog.filePath())
                           .arg(countRows(m_catalog, QStringLiteral("apis")))
                           .arg(countRows(m_catalog, QStringLiteral("consumers")))
                           .arg(countRows(m_catalog, QStringLiteral("tokens"))));
    statusBar()->showMessage(tr("Catalog revision %1").arg(revision ? *revision : -1));
}

} // namespace gatehouse
