#pragma once

#include <QString>

namespace gatehouse::ui {

// Where the console's desktop notifications go: the tray icon's balloon in the application
// (SystemTray), a recording double in tests (the offscreen platform has no tray).
class Notifier
{
public:
    virtual ~Notifier() = default;
    virtual void notify(const QString& title, const QString& message) = 0;
};

} // namespace gatehouse::ui
