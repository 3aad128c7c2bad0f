#pragma once

#include <QObject>
#include <QString>

namespace gatehouse::ui {

class MainWindow;

// Visits every page of the main window and saves a PNG of the whole window for each
// (`overview.png`, `apis.png`, ...), then quits. Run by `gatehouse --screenshots DIR`, which
// tools/screenshots.sh starts under Xvfb on demo data to keep the README's pictures current.
class ScreenshotTour : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(MainWindow& window, QString directory, QObject* parent = nullptr);

    void start();
    // "AI Providers" -> "ai-providers.png"
    static QString fileNameFor(const QString& pageTitle);

Q_SIGNALS:
    void finished(bool ok);

private:
    void shootNext();

    MainWindow& m_window;
    QString m_directory;
    QStringList m_titles;
    int m_next = 0;
    bool m_ok = true;
};

} // namespace gatehouse::ui
