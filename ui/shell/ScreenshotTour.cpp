#include "ui/shell/ScreenshotTour.h"

#include "ui/shell/MainWindow.h"

#include <QDir>
#include <QPixmap>
#include <QTimer>

namespace gatehouse::ui {

namespace {

// Long enough for a page's first paint and for the status bar's one-second refresh.
constexpr int kSettleMs = 1200;

} // namespace

ScreenshotTour::ScreenshotTour(MainWindow& window, QString directory, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(std::move(directory))
{ }

void ScreenshotTour::start()
{
    m_titles = m_window.pageTitles();
    m_next = 0;
    if (!QDir().mkpath(m_directory)) {
        qWarning("cannot create %s", qPrintable(m_directory));
        Q_EMIT finished(false);
        return;
    }
    m_window.showPage(m_titles.value(0));
    QTimer::singleShot(kSettleMs, this, &ScreenshotTour::shootNext);
}

QString ScreenshotTour::fileNameFor(const QString& pageTitle)
{
    return pageTitle.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) + QStringLiteral(".png");
}

void ScreenshotTour::shootNext()
{
    const QString path = QDir(m_directory).filePath(fileNameFor(m_titles.at(m_next)));
    if (!m_window.grab().save(path)) {
        qWarning("cannot write %s", qPrintable(path));
        m_ok = false;
    }
    if (++m_next >= m_titles.size()) {
        Q_EMIT finished(m_ok);
        return;
    }
    m_window.showPage(m_titles.at(m_next));
    QTimer::singleShot(kSettleMs / 3, this, &ScreenshotTour::shootNext);
}

} // namespace gatehouse::ui
